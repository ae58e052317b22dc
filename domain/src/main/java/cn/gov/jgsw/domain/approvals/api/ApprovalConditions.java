package cn.gov.jgsw.domain.approvals.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The conditions a policy's steps can depend on, as the subject meets them. Versioned like every rule: a request
 * records the policy version it was routed under, and these names are part of it.
 */
public final class ApprovalConditions {

    /** Use on a day off, or outside office hours (08:30–17:30, China time) of a working day. */
    public static final String OFF_HOURS = "OFF_HOURS";
    /** Use over more than one calendar day. */
    public static final String MULTI_DAY = "MULTI_DAY";

    static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
    static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 30);

    private ApprovalConditions() {
    }

    /** The conditions a planned use meets; none for a subject without a planned period. */
    public static Set<String> of(Instant plannedStart, Instant plannedEnd, WorkingDays workingDays) {
        Set<String> met = new LinkedHashSet<>();
        if (plannedStart == null || plannedEnd == null) {
            return met;
        }
        ZonedDateTime start = plannedStart.atZone(WorkingDays.CHINA);
        ZonedDateTime end = plannedEnd.atZone(WorkingDays.CHINA);
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            met.add(MULTI_DAY);
        }
        boolean offHours = !workingDays.isWorkingDay(start.toLocalDate())
                || !workingDays.isWorkingDay(end.toLocalDate())
                || start.toLocalTime().isBefore(OFFICE_OPENS) || end.toLocalTime().isAfter(OFFICE_CLOSES)
                || met.contains(MULTI_DAY);
        if (offHours) {
            met.add(OFF_HOURS);
        }
        return met;
    }
}
