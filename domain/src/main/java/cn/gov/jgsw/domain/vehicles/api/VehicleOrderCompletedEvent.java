package cn.gov.jgsw.domain.vehicles.api;

/**
 * The order is complete: the trip ended and was recorded.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 */
public record VehicleOrderCompletedEvent(String orderId,
                                         String tenantId) {
}
