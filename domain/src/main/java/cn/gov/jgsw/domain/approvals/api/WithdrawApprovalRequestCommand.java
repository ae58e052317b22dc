package cn.gov.jgsw.domain.approvals.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester takes the request back before it is decided (撤回). */
public record WithdrawApprovalRequestCommand(@TargetAggregateIdentifier String approvalId, String tenantId,
                                             String requesterId) {
}
