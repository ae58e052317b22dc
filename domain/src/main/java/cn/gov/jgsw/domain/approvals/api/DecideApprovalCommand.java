package cn.gov.jgsw.domain.approvals.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approver of the current step decides.
 *
 * @param comment optional for an approval, required for a rejection (the reason) or a return; up to 200 characters
 */
public record DecideApprovalCommand(@TargetAggregateIdentifier String approvalId, String tenantId, String deciderId,
                                    Decision decision, String comment) {
}
