package cn.gov.jgsw.projections.approvals.api;

/** The open requests a person of the bureau has to act on, newest first. */
public record FindPendingApprovalsQuery(String tenantId, String userId, String afterPosition, int limit) {
}
