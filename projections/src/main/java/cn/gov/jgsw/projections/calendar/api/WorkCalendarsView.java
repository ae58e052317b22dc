package cn.gov.jgsw.projections.calendar.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bureau's calendars, one per year that has one.
 *
 * @param years the calendars, by year ascending
 */
public record WorkCalendarsView(List<Year> years) {

    /**
     * @param year              the year
     * @param publicHolidays    days off, in order
     * @param makeUpWorkingDays weekend days worked, in order
     * @param basis             where the days come from
     * @param version           the calendar's version (its aggregate sequence number)
     */
    public record Year(int year, List<LocalDate> publicHolidays, List<LocalDate> makeUpWorkingDays, String basis,
                       long version) {
    }

    /** The working days of every year known; other years count Monday to Friday. */
    public WorkingDays workingDays() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        years.forEach(year -> {
            holidays.addAll(year.publicHolidays());
            makeUp.addAll(year.makeUpWorkingDays());
        });
        return new WorkingDays(holidays, makeUp);
    }

    public Optional<Year> of(int year) {
        return years.stream().filter(found -> found.year() == year).findFirst();
    }

    /** Which versions a computation used, e.g. {@code 2026v0}, for the record of what it decided. */
    public String versions() {
        return years.stream().map(year -> year.year() + "v" + year.version()).collect(Collectors.joining(","));
    }
}
