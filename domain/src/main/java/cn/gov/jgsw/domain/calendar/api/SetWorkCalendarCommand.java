package cn.gov.jgsw.domain.calendar.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * Sets a bureau's calendar of one year, replacing what was set before; the earlier versions stay in the record.
 *
 * @param calendarId        {@link WorkCalendarIds#of}
 * @param tenantId          the bureau, from the caller's token
 * @param year              the calendar year
 * @param publicHolidays    days off, weekends included where the notice lists them (放假)
 * @param makeUpWorkingDays weekend days that are worked (调休上班)
 * @param basis             where the days come from, e.g. 国办发明电〔2025〕7号
 */
public record SetWorkCalendarCommand(@TargetAggregateIdentifier String calendarId,
                                     String tenantId,
                                     int year,
                                     Set<LocalDate> publicHolidays,
                                     Set<LocalDate> makeUpWorkingDays,
                                     String basis) {
}
