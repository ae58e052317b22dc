package cn.gov.jgsw.domain.approvals.api;

/** An approver rejected the subject, with a reason (驳回). Final. */
public record ApprovalRequestRejectedEvent(String approvalId, String tenantId, SubjectType subjectType,
                                           String subjectId, int stepIndex, String deciderId, String reason) {
}
