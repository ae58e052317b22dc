package cn.gov.jgsw.domain.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Off-hours and multi-day use, by the 2026 national work calendar; costs over a cap. */
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

    @Test
    void aCostOverTheCapInTheConditionAddsTheStep() {
        assertThat(ApprovalConditions.applies("COST_OVER_5000", Set.of(), 500_001L)).isTrue();
        assertThat(ApprovalConditions.applies("COST_OVER_5000", Set.of(), 500_000L)).as("exactly the cap").isFalse();
        assertThat(ApprovalConditions.applies("COST_OVER_5000", Set.of(), null)).as("no cost").isFalse();
        assertThat(ApprovalConditions.applies("COST_OVER_0", Set.of(), 1L)).isTrue();
        assertThat(ApprovalConditions.applies(ApprovalConditions.OFF_HOURS, Set.of(ApprovalConditions.OFF_HOURS),
                null)).isTrue();
        assertThat(ApprovalConditions.applies(ApprovalConditions.MULTI_DAY, Set.of(ApprovalConditions.OFF_HOURS),
                900_000L)).isFalse();
        assertThat(ApprovalConditions.applies(null, Set.of(), null)).as("an unconditional step").isTrue();
    }

    @Test
    void onlyConditionsThePlatformComputesAreKnown() {
        assertThat(List.of("OFF_HOURS", "MULTI_DAY", "COST_OVER_0", "COST_OVER_5000", "COST_OVER_9999999"))
                .allMatch(ApprovalConditions::isKnown);
        assertThat(List.of("NIGHT", "COST_OVER_", "COST_OVER_05", "COST_OVER_10000000", "COST_OVER_-1",
                "cost_over_5000", "COST_OVER_5000 ")).noneMatch(ApprovalConditions::isKnown);
    }
}
