package cn.gov.jgsw.domain.property.api;

/** What kind of service is asked for. */
public enum ServiceCategory {
    /** 维修. */
    REPAIR,
    /** 保洁. */
    CLEANING,
    /** 会议室布置. */
    MEETING_ROOM_SETUP,
    /** 搬运. */
    MOVING
}
