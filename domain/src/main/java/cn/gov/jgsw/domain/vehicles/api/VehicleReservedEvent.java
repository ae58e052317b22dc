package cn.gov.jgsw.domain.vehicles.api;

/**
 * A vehicle was reserved for an order's planned period.
 *
 * @param vehicleId the vehicle
 * @param tenantId the bureau, from the caller's token
 * @param orderId the order it serves
 * @param window the planned period
 */
public record VehicleReservedEvent(String vehicleId,
                                   String tenantId,
                                   String orderId,
                                   TimeWindow window) {
}
