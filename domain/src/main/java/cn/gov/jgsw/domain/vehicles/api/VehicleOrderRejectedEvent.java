package cn.gov.jgsw.domain.vehicles.api;

/**
 * The order was rejected, with the reason the requester sees.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param approverId who rejected
 * @param reason why
 */
public record VehicleOrderRejectedEvent(String orderId,
                                        String tenantId,
                                        String approverId,
                                        String reason) {
}
