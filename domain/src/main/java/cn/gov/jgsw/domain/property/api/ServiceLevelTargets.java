package cn.gov.jgsw.domain.property.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.Duration;
import java.time.Instant;

/**
 * When a request must be finished, by urgency (DOMAIN.md: emergencies within 1–24 h, urgent 24–48 h, important within
 * 3 days). An emergency runs on the clock, day and night; the others count working days of the bureau's calendar, so a
 * public holiday does not eat into them and a make-up working day counts.
 *
 * @param emergencyWithin   time for an emergency
 * @param urgentWorkingDays working days for an urgent request
 * @param normalWorkingDays working days for a normal request
 */
public record ServiceLevelTargets(Duration emergencyWithin, int urgentWorkingDays, int normalWorkingDays) {

    /** Until a bureau sets its own: 4 hours, 1 working day, 3 working days. */
    public static final ServiceLevelTargets DEFAULT = new ServiceLevelTargets(Duration.ofHours(4), 1, 3);

    public Instant dueAt(Urgency urgency, Instant requestedAt, WorkingDays workingDays) {
        return switch (urgency) {
            case EMERGENCY -> requestedAt.plus(emergencyWithin);
            case URGENT -> workingDays.addWorkingDays(requestedAt, urgentWorkingDays);
            case NORMAL -> workingDays.addWorkingDays(requestedAt, normalWorkingDays);
        };
    }

    /** The target applied, in words for the record, e.g. {@code URGENT within 1 working days}. */
    public String basisFor(Urgency urgency) {
        return urgency + " within " + switch (urgency) {
            case EMERGENCY -> emergencyWithin;
            case URGENT -> urgentWorkingDays + " working days";
            case NORMAL -> normalWorkingDays + " working days";
        };
    }
}
