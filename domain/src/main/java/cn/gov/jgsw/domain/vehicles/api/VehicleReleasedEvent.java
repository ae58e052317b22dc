package cn.gov.jgsw.domain.vehicles.api;

/**
 * A vehicle's reservation for an order ended (the trip ended).
 *
 * @param vehicleId the vehicle
 * @param tenantId the bureau, from the caller's token
 * @param orderId the order
 */
public record VehicleReleasedEvent(String vehicleId,
                                   String tenantId,
                                   String orderId) {
}
