package cn.gov.jgsw.domain.approvals.api;

/** An approver sent the subject back to the requester for changes (退回修改). Ends this request. */
public record ApprovalRequestReturnedEvent(String approvalId, String tenantId, SubjectType subjectType,
                                           String subjectId, int stepIndex, String deciderId, String comment) {
}
