package cn.gov.jgsw.domain.vehicles.api;

/** What a designated supplier (定点供应商) of the fleet supplies. */
public enum SupplierKind {
    /** 定点加油: a filling station; its place is recorded, and refuellings are checked against the car's position. */
    FUEL,
    /** 定点维修. */
    REPAIR,
    /** 定点保险. */
    INSURANCE
}
