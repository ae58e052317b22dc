package cn.gov.jgsw.graphql.calendar;

import java.time.LocalDate;
import java.util.List;

public record SetWorkCalendarInput(String idempotencyKey, int year, List<LocalDate> publicHolidays,
                                   List<LocalDate> makeUpWorkingDays, String basis) {
}
