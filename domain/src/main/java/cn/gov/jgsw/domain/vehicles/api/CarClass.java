package cn.gov.jgsw.domain.vehicles.api;

/** The class of an official car, as ordered and as registered. */
public enum CarClass {
    /** 轿车. */
    SEDAN,
    /** 越野车 / SUV. */
    SUV,
    /** 商务车 (MPV). */
    MPV,
    /** 中型客车 (minibus). */
    MINIBUS
}
