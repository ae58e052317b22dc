package cn.gov.jgsw.domain.approvals.api;

/** A step is signed off; the next one, if any, is now before its approvers. */
public record ApprovalStepCompletedEvent(String approvalId, String tenantId, int stepIndex) {
}
