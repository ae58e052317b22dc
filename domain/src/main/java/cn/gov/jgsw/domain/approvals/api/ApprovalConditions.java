package cn.gov.jgsw.domain.approvals.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditions a policy's steps can depend on, as the subject meets them. Versioned like every rule: a request
 * records the policy version it was routed under, and these names are part of it.
 */
public final class ApprovalConditions {

    /** Use on a day off, or outside office hours (08:30–17:30, China time) of a working day. */
    public static final String OFF_HOURS = "OFF_HOURS";
    /** Use over more than one calendar day. */
    public static final String MULTI_DAY = "MULTI_DAY";
    /**
     * A cost over a cap in whole yuan, written into the condition so that the policy's version carries the cap:
     * {@code COST_OVER_5000} is met by a cost of more than 5,000 yuan. Caps from 0 to 9,999,999 yuan.
     */
    public static final String COST_OVER_PREFIX = "COST_OVER_";

    private static final Pattern COST_OVER = Pattern.compile(COST_OVER_PREFIX + "(0|[1-9][0-9]{0,6})");

    static final LocalTime OFFICE_OPENS = WorkingDays.OFFICE_OPENS;
    static final LocalTime OFFICE_CLOSES = WorkingDays.OFFICE_CLOSES;

    private ApprovalConditions() {
    }

    /** The condition met by a cost of more than {@code yuan}. */
    public static String costOver(long yuan) {
        return COST_OVER_PREFIX + yuan;
    }

    /** The cap of a {@code COST_OVER_<yuan>} condition in whole yuan; null for any other condition. */
    public static Integer costCapYuan(String condition) {
        Matcher costOver = condition == null ? null : COST_OVER.matcher(condition);
        return costOver != null && costOver.matches() ? Integer.valueOf(costOver.group(1)) : null;
    }

    /** Whether a policy may name the condition: one the platform computes, so that a typo cannot silently never apply. */
    public static boolean isKnown(String condition) {
        return OFF_HOURS.equals(condition) || MULTI_DAY.equals(condition) || COST_OVER.matcher(condition).matches();
    }

    /**
     * Whether a step conditioned on {@code condition} applies to a subject.
     *
     * @param met     the named conditions the subject's planned period meets ({@link #of})
     * @param costFen the subject's cost in fen, or null if it has none
     */
    public static boolean applies(String condition, Set<String> met, Long costFen) {
        if (condition == null) {
            return true;
        }
        Integer capYuan = costCapYuan(condition);
        if (capYuan != null) {
            return costFen != null && costFen > capYuan * 100L;
        }
        return met.contains(condition);
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
