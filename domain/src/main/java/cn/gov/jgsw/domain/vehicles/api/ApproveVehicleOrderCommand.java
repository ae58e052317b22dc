package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approver approves an order (审批通过).
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param approverId the approver
 * @param comment optional comment
 */
public record ApproveVehicleOrderCommand(@TargetAggregateIdentifier String orderId,
                                         String tenantId,
                                         String approverId,
                                         String comment) {
}
