package cn.gov.jgsw.domain.vehicles.api;

/**
 * The requester withdrew the order.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param cancelledBy who cancelled
 * @param reason why, or null
 */
public record VehicleOrderCancelledEvent(String orderId,
                                         String tenantId,
                                         String cancelledBy,
                                         String reason) {
}
