package cn.gov.jgsw.domain.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Off-hours and multi-day use, by the 2026 national work calendar. */
class ApprovalConditionsTest {

    private static final WorkingDays CALENDAR = NationalHolidayNotice.YEAR_2026.workingDays();

    private static Instant at(String beijingTime) {
        return OffsetDateTime.parse(beijingTime + "+08:00").toInstant();
    }

    @Test
    void officeHoursOfAWorkingDayMeetNoCondition() {
        assertThat(ApprovalConditions.of(at("2026-12-01T09:00:00"), at("2026-12-01T11:00:00"), CALENDAR)).isEmpty();
    }

    @Test
    void eveningsHolidaysAndSeveralDaysAreOffHours() {
        assertThat(ApprovalConditions.of(at("2026-12-01T18:00:00"), at("2026-12-01T20:00:00"), CALENDAR))
                .containsExactly(ApprovalConditions.OFF_HOURS);
        assertThat(ApprovalConditions.of(at("2026-10-02T09:00:00"), at("2026-10-02T11:00:00"), CALENDAR))
                .as("National Day").containsExactly(ApprovalConditions.OFF_HOURS);
        assertThat(ApprovalConditions.of(at("2026-10-10T09:00:00"), at("2026-10-10T11:00:00"), CALENDAR))
                .as("the make-up Saturday is a working day").isEmpty();
        assertThat(ApprovalConditions.of(at("2026-12-01T09:00:00"), at("2026-12-02T11:00:00"), CALENDAR))
                .containsExactlyInAnyOrder(ApprovalConditions.MULTI_DAY, ApprovalConditions.OFF_HOURS);
    }
}
