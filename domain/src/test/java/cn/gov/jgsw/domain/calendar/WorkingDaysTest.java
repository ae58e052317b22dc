package cn.gov.jgsw.domain.calendar;

import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting in working days with the 2026 national calendar (国办发明电〔2025〕7号). */
class WorkingDaysTest {

    private static final WorkingDays NATIONAL_2026 = NationalHolidayNotice.YEAR_2026.workingDays();

    @Test
    void theNoticeOf2026HasItsThirtyThreeDaysOffAndSixWorkedWeekendDays() {
        assertThat(NationalHolidayNotice.YEAR_2026.publicHolidays()).hasSize(33)
                .contains(day("2026-01-01"), day("2026-02-23"), day("2026-10-07"));
        assertThat(NationalHolidayNotice.YEAR_2026.makeUpWorkingDays()).containsExactlyInAnyOrder(day("2026-01-04"),
                day("2026-02-14"), day("2026-02-28"), day("2026-05-09"), day("2026-09-20"), day("2026-10-10"));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static Instant at(String beijingTime) {
        return OffsetDateTime.parse(beijingTime + "+08:00").toInstant();
    }

    @Test
    void holidaysAreOffAndMakeUpWeekendDaysAreWorked() {
        assertThat(NATIONAL_2026.isWorkingDay(day("2026-01-01"))).as("New Year, a Thursday").isFalse();
        assertThat(NATIONAL_2026.isWorkingDay(day("2026-01-04"))).as("make-up Sunday").isTrue();
        assertThat(NATIONAL_2026.isWorkingDay(day("2026-02-16"))).as("Spring Festival Monday").isFalse();
        assertThat(NATIONAL_2026.isWorkingDay(day("2026-03-02"))).as("an ordinary Monday").isTrue();
        assertThat(NATIONAL_2026.isWorkingDay(day("2026-03-07"))).as("an ordinary Saturday").isFalse();
        assertThat(NATIONAL_2026.isWorkingDay(day("2027-01-04"))).as("a year without calendar: Monday").isTrue();
    }

    @Test
    void theClockSkipsAPublicHoliday() {
        // Friday before Qingming (Saturday 4 to Monday 6 April off): one working day later is Tuesday.
        assertThat(NATIONAL_2026.addWorkingDays(at("2026-04-03T10:00:00"), 1)).isEqualTo(at("2026-04-07T10:00:00"));
        // Three working days from the Wednesday before National Day (1 to 7 October off): Thursday 8, Friday 9 and
        // the make-up Saturday 10 October.
        assertThat(NATIONAL_2026.addWorkingDays(at("2026-09-30T16:30:00"), 3)).isEqualTo(at("2026-10-10T16:30:00"));
    }

    @Test
    void theClockCountsAMakeUpWorkingDay() {
        // Friday 8 May: the next working day is the make-up Saturday 9 May.
        assertThat(NATIONAL_2026.addWorkingDays(at("2026-05-08T09:00:00"), 1)).isEqualTo(at("2026-05-09T09:00:00"));
    }

    @Test
    void aClockStartedOnADayOffStartsAtTheBeginningOfTheNextWorkingDay() {
        assertThat(NATIONAL_2026.addWorkingDays(at("2026-03-08T15:00:00"), 0)).isEqualTo(at("2026-03-09T00:00:00"));
        assertThat(NATIONAL_2026.addWorkingDays(at("2026-03-08T15:00:00"), 1)).isEqualTo(at("2026-03-10T00:00:00"));
        assertThat(NATIONAL_2026.addWorkingDays(at("2026-03-09T11:00:00"), 0)).isEqualTo(at("2026-03-09T11:00:00"));
    }
}
