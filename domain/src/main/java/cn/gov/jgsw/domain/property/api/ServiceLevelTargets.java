package cn.gov.jgsw.domain.property.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.Duration;
import java.time.Instant;

/**
 * When a request must be finished, by urgency (DOMAIN.md: emergencies within 1–24 h, urgent 24–48 h, important within
 * 3 days). An emergency runs on the clock, day and night; the others count working days of the bureau's calendar, so a
 * public holiday does not eat into them and a make-up working day counts.
 *
 * @param emergencyHours   hours for an emergency
 * @param urgentDays       working days for an urgent request
 * @param normalDays       working days for a normal request
 * @param version          names these targets in the record (e.g. {@code default-2026})
 */
public record ServiceLevelTargets(int emergencyHours, int urgentDays, int normalDays, String version) {

    /** Until a bureau sets its own. */
    public static final ServiceLevelTargets DEFAULT = new ServiceLevelTargets(4, 1, 3, "default-2026");

    public Instant dueAt(Urgency urgency, Instant requestedAt, WorkingDays workingDays) {
        return switch (urgency) {
            case EMERGENCY -> requestedAt.plus(Duration.ofHours(emergencyHours));
            case URGENT -> workingDays.addWorkingDays(requestedAt, urgentDays);
            case NORMAL -> workingDays.addWorkingDays(requestedAt, normalDays);
        };
    }

    /** In words for the record, e.g. {@code URGENT: 1 working day (targets default-2026)}. */
    public String basisFor(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "EMERGENCY: " + emergencyHours + " hours";
            case URGENT -> "URGENT: " + urgentDays + " working days";
            case NORMAL -> "NORMAL: " + normalDays + " working days";
        } + " (targets " + version + ")";
    }
}
