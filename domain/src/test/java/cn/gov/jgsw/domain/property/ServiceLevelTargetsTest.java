package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import cn.gov.jgsw.domain.property.api.ServiceLevelTargets;
import cn.gov.jgsw.domain.property.api.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Due times by urgency, counted on the 2026 national calendar. */
class ServiceLevelTargetsTest {

    private static final WorkingDays CALENDAR = NationalHolidayNotice.YEAR_2026.workingDays();

    private static Instant at(String beijingTime) {
        return OffsetDateTime.parse(beijingTime + "+08:00").toInstant();
    }

    @Test
    void anEmergencyRunsOnTheClockEvenOverAHoliday() {
        assertThat(ServiceLevelTargets.DEFAULT.dueAt(Urgency.EMERGENCY, at("2026-10-01T22:00:00"), CALENDAR))
                .isEqualTo(at("2026-10-02T02:00:00"));
    }

    @Test
    void urgentAndNormalRequestsSkipHolidaysAndCountMakeUpDays() {
        // Asked on the Thursday before Mid-Autumn (25 to 27 September off, Sunday 20 September worked).
        assertThat(ServiceLevelTargets.DEFAULT.dueAt(Urgency.URGENT, at("2026-09-24T10:00:00"), CALENDAR))
                .isEqualTo(at("2026-09-28T10:00:00"));
        // Asked on Friday 18 September: Sunday 20 (make-up), Monday 21 and Tuesday 22 are the three working days.
        assertThat(ServiceLevelTargets.DEFAULT.dueAt(Urgency.NORMAL, at("2026-09-18T10:00:00"), CALENDAR))
                .isEqualTo(at("2026-09-22T10:00:00"));
        assertThat(ServiceLevelTargets.DEFAULT.basisFor(Urgency.NORMAL)).isEqualTo("NORMAL within 3 working days");
    }
}
