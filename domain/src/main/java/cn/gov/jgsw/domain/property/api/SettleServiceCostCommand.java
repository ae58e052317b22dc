package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records how the approval of a quoted cost ended, sent by the process that follows it. Settling a quote again is
 * answered without recording, so the process may be retried.
 *
 * @param decidedBy who ended the approval: the last approver, or the assignee who withdrew
 * @param comment   the approver's reason or comment, if any
 */
public record SettleServiceCostCommand(@TargetAggregateIdentifier String requestId, String tenantId, int quoteNumber,
                                       CostApprovalOutcome outcome, String decidedBy, String comment) {
}
