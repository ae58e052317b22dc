package cn.gov.jgsw.domain.vehicles.api;

/**
 * A vehicle and a driver were assigned to the order for its planned period.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param dispatcherId who dispatched
 * @param vehicleId the vehicle
 * @param driverId the driver
 * @param plannedWindow the reserved period
 */
public record VehicleOrderDispatchedEvent(String orderId,
                                          String tenantId,
                                          String dispatcherId,
                                          String vehicleId,
                                          String driverId,
                                          TimeWindow plannedWindow) {
}
