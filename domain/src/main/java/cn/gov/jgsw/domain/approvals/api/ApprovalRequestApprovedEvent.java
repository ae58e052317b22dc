package cn.gov.jgsw.domain.approvals.api;

/**
 * Every step is signed off: the subject is approved (审批通过).
 *
 * @param approverId the approver whose approval completed the last step
 */
public record ApprovalRequestApprovedEvent(String approvalId, String tenantId, SubjectType subjectType,
                                           String subjectId, String approverId) {
}
