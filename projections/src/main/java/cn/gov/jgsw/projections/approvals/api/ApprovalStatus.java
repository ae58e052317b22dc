package cn.gov.jgsw.projections.approvals.api;

/** Where an approval request stands. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    RETURNED,
    WITHDRAWN
}
