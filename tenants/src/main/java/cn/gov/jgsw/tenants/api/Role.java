package cn.gov.jgsw.tenants.api;

/** The roles a person can hold in their bureau (DOMAIN.md, Roles). */
public enum Role {
    /** 公务员: orders cars, requests services, sees own requests. */
    CIVIL_SERVANT,
    /** 审批人: decides approvals routed to them. */
    APPROVER,
    /** 调度员: assigns vehicles and drivers. */
    DISPATCHER,
    /** 驾驶员: starts and ends trips. */
    DRIVER,
    /** 物业人员: handles work orders. */
    PROPERTY_STAFF,
    /** 资产管理员. */
    ASSET_MANAGER,
    /** 能源管理员. */
    ENERGY_MANAGER,
    /** 单位管理员: users, policies, fleet, buildings. */
    BUREAU_ADMIN,
    /** 监督人员: read-only audit of the own bureau and the bureaus below it; every read recorded. */
    SUPERVISOR
}
