package cn.gov.jgsw.domain.vehicles.api;

/**
 * The requester withdrew the order.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param cancelledBy who cancelled
 * @param reason why, or null
 * @param openApprovalId the approval the order was still waiting for, which is withdrawn with it; null if the order
 *                       was no longer waiting, and in events recorded before this field existed (2026-11-27)
 */
public record VehicleOrderCancelledEvent(String orderId,
                                         String tenantId,
                                         String cancelledBy,
                                         String reason,
                                         String openApprovalId) {
}
