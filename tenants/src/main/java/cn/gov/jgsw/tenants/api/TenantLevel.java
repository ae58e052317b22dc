package cn.gov.jgsw.tenants.api;

/** Where a bureau stands in the administrative hierarchy. */
public enum TenantLevel {
    /** 省级. */
    PROVINCE,
    /** 市级 (prefecture-level city). */
    CITY,
    /** 县级: county or city district (县/区). */
    COUNTY
}
