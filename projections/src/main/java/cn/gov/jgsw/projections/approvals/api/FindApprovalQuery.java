package cn.gov.jgsw.projections.approvals.api;

/** One approval request of the caller's bureau. */
public record FindApprovalQuery(String tenantId, String approvalId) {
}
