package cn.gov.jgsw.domain.approvals.api;

/** What an approver decides. */
public enum Decision {
    /** 同意. */
    APPROVE,
    /** 驳回: final; a reason is required. */
    REJECT,
    /** 退回修改: back to the requester for changes; a comment is required. */
    RETURN
}
