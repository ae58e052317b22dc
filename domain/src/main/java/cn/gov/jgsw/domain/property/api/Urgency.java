package cn.gov.jgsw.domain.property.api;

/** How urgent a request is; decides its service level (see {@link ServiceLevelTargets}). */
public enum Urgency {
    /** 紧急: a burst pipe, a power cut. */
    EMERGENCY,
    /** 加急. */
    URGENT,
    /** 一般. */
    NORMAL
}
