package cn.gov.jgsw.domain.approvals.api;

/**
 * One approver approved at a step (同意).
 *
 * @param stepIndex  the step, from 0
 * @param onBehalfOf the approver who delegated to this one, or null
 */
public record ApprovalGivenEvent(String approvalId, String tenantId, int stepIndex, String approverId,
                                 String onBehalfOf, String comment) {
}
