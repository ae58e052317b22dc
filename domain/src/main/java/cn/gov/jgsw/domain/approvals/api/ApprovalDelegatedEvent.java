package cn.gov.jgsw.domain.approvals.api;

/** An approver handed their part of a step to another person (已转办). */
public record ApprovalDelegatedEvent(String approvalId, String tenantId, int stepIndex, String delegatorId,
                                     String delegateId) {
}
