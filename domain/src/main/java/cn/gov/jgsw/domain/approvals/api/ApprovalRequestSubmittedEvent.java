package cn.gov.jgsw.domain.approvals.api;

import java.util.List;

/** A subject was put before its approvers (已提交审批). Fields as in {@link SubmitApprovalRequestCommand}. */
public record ApprovalRequestSubmittedEvent(String approvalId, String tenantId, SubjectType subjectType,
                                            String subjectId, String requesterId, String summary, long policyVersion,
                                            List<ApprovalStepPlan> steps) {
}
