package cn.gov.jgsw.domain.property.api;

/** Where a service request stands. */
public enum ServiceRequestStatus {
    /** 已提交: waiting for property staff. */
    REQUESTED,
    /** 已受理: accepted and assigned to a staff member (also after a reopening). */
    ACCEPTED,
    /** 费用待审批: the assignee quoted a cost that waits for the bureau's approvers before work starts. */
    AWAITING_COST_APPROVAL,
    /** 处理中. */
    IN_PROGRESS,
    /** 已完成: waiting for the requester's confirmation. */
    FINISHED,
    /** 已确认: confirmed and rated by the requester. */
    CONFIRMED
}
