package cn.gov.jgsw.domain.calendar.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Which days a bureau works, and counting in working days. A weekday is a working day unless it is a public holiday; a
 * weekend day is not, unless it is a make-up working day (调休). A year without a calendar counts Monday to Friday.
 * Days are those of China's one time zone.
 *
 * @param publicHolidays    days off, of every year known
 * @param makeUpWorkingDays weekend days worked, of every year known
 */
public record WorkingDays(Set<LocalDate> publicHolidays, Set<LocalDate> makeUpWorkingDays) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public WorkingDays {
        publicHolidays = Set.copyOf(publicHolidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    /** Office hours of a working day, China time (08:30–17:30): what "off hours" means for approvals and fences. */
    public static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
    public static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 30);

    /** Whether the moment falls in office hours of a working day. */
    public boolean isOfficeHours(Instant moment) {
        ZonedDateTime local = moment.atZone(CHINA);
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(OFFICE_OPENS) && time.isBefore(OFFICE_CLOSES);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        if (publicHolidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The moment {@code days} working days after {@code from}: the same time of day on the {@code days}-th working day
     * after it. A clock started on a day off starts at the beginning of the next working day, so a request made on a
     * Saturday and due in one working day is due at the end of Monday (if Monday is worked).
     */
    public Instant addWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        ZonedDateTime clock = from.atZone(CHINA);
        if (!isWorkingDay(clock.toLocalDate())) {
            clock = nextWorkingDay(clock.toLocalDate()).atStartOfDay(CHINA);
        }
        for (int counted = 0; counted < days; counted++) {
            LocalDate next = nextWorkingDay(clock.toLocalDate());
            clock = clock.with(next);
        }
        return clock.toInstant();
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
