package cn.gov.jgsw.domain.approvals.api;

/** The requester withdrew the request (已撤回). Final. */
public record ApprovalRequestWithdrawnEvent(String approvalId, String tenantId, SubjectType subjectType,
                                            String subjectId, String requesterId) {
}
