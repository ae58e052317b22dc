package cn.gov.jgsw.domain.calendar.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A bureau's calendar of one year was set (工作日历已设定). The aggregate's sequence number is the calendar's version.
 *
 * @param calendarId        id of the bureau's calendar of that year
 * @param tenantId          the bureau
 * @param year              the year
 * @param publicHolidays    days off, in order
 * @param makeUpWorkingDays weekend days worked, in order
 * @param basis             where the days come from
 */
public record WorkCalendarSetEvent(String calendarId, String tenantId, int year, List<LocalDate> publicHolidays,
                                   List<LocalDate> makeUpWorkingDays, String basis) {
}
