package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approver rejects an order (驳回); a reason is required.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param approverId the approver
 * @param reason why, required
 */
public record RejectVehicleOrderCommand(@TargetAggregateIdentifier String orderId,
                                        String tenantId,
                                        String approverId,
                                        String reason) {
}
