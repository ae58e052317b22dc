package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a vehicle on the bureau's fleet ledger (车辆登记).
 *
 * @param vehicleId internal id of the vehicle
 * @param tenantId the bureau, from the caller's token
 * @param plateNumber the licence plate, e.g. 贵A·12345
 * @param carClass the class
 * @param seats passenger seats, driver excluded
 */
public record RegisterVehicleCommand(@TargetAggregateIdentifier String vehicleId,
                                     String tenantId,
                                     String plateNumber,
                                     CarClass carClass,
                                     int seats) {
}
