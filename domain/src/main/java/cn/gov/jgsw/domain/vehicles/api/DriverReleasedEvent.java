package cn.gov.jgsw.domain.vehicles.api;

/**
 * A driver's reservation for an order ended (the trip ended).
 *
 * @param driverId the driver
 * @param tenantId the bureau, from the caller's token
 * @param orderId the order
 */
public record DriverReleasedEvent(String driverId,
                                  String tenantId,
                                  String orderId) {
}
