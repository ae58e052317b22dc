package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A dispatcher assigns a vehicle and a driver of the bureau to an approved order (派车).
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param dispatcherId the dispatcher
 * @param vehicleId the vehicle
 * @param driverId the driver
 */
public record DispatchVehicleOrderCommand(@TargetAggregateIdentifier String orderId,
                                          String tenantId,
                                          String dispatcherId,
                                          String vehicleId,
                                          String driverId) {
}
