package cn.gov.jgsw.domain.vehicles.api;

/**
 * The order was approved and awaits dispatch.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param approverId who approved
 * @param comment comment or null
 */
public record VehicleOrderApprovedEvent(String orderId,
                                        String tenantId,
                                        String approverId,
                                        String comment) {
}
