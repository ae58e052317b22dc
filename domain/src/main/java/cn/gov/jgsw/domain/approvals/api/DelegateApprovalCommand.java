package cn.gov.jgsw.domain.approvals.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approver of the current step hands their part to another person of the bureau (转办). The delegate is checked to
 * belong to the bureau before the command.
 */
public record DelegateApprovalCommand(@TargetAggregateIdentifier String approvalId, String tenantId,
                                      String delegatorId, String delegateId) {
}
