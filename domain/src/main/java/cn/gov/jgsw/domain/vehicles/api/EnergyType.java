package cn.gov.jgsw.domain.vehicles.api;

/** What a vehicle runs on (能源类型); the ledger and the cost figures tell them apart. */
public enum EnergyType {
    GASOLINE,
    DIESEL,
    HYBRID,
    PLUG_IN_HYBRID,
    /** 纯电动. */
    BATTERY_ELECTRIC
}
