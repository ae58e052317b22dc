package cn.gov.jgsw.domain.approvals.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Puts a subject of another context before its approvers (提交审批).
 *
 * @param approvalId    a new id, derived from the subject
 * @param tenantId      the subject's bureau
 * @param subjectType   what kind of subject
 * @param subjectId     the subject's id in its context
 * @param requesterId   who asked for the subject; never an approver of it
 * @param summary       what the approvers see in their inbox, up to 200 characters
 * @param policyVersion the version of the bureau's policy the steps come from, kept for good
 * @param steps         the steps in order, approvers resolved
 */
public record SubmitApprovalRequestCommand(@TargetAggregateIdentifier String approvalId, String tenantId,
                                           SubjectType subjectType, String subjectId, String requesterId,
                                           String summary, long policyVersion, List<ApprovalStepPlan> steps) {
}
