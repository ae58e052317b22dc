package cn.gov.jgsw.domain.approvals.api;

/** The kinds of request that go through approvals. */
public enum SubjectType {
    /** 用车申请. */
    VEHICLE_ORDER,
    /** 物业服务申请. */
    PROPERTY_SERVICE
}
