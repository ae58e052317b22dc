package cn.gov.jgsw.domain.property.api;

/** How the approval of a quoted cost ended. Only an approved cost may be spent; the work goes on either way. */
public enum CostApprovalOutcome {
    /** 已批准. */
    APPROVED,
    /** 未批准, with the approver's reason. */
    REJECTED,
    /** 退回修改: the assignee may quote again. */
    RETURNED,
    /** 已撤回 by the assignee who quoted. */
    WITHDRAWN
}
