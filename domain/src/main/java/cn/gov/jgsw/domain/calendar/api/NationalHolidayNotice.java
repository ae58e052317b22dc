package cn.gov.jgsw.domain.calendar.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The State Council's yearly notice of public holidays and make-up working days (国务院办公厅关于部分节假日安排的通知),
 * the calendar a bureau starts from. Each year's notice is added here when it is published (usually in November).
 *
 * @param year              the year it arranges
 * @param publicHolidays    days off (放假调休), weekends included as the notice lists them
 * @param makeUpWorkingDays weekend days worked (上班)
 * @param basis             the notice's document number
 */
public record NationalHolidayNotice(int year, Set<LocalDate> publicHolidays, Set<LocalDate> makeUpWorkingDays,
                                    String basis) {

    /** 国办发明电〔2025〕7号, 4 November 2025. */
    public static final NationalHolidayNotice YEAR_2026 = new NationalHolidayNotice(2026,
            days(range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"),
                    range("2026-04-04", "2026-04-06"), range("2026-05-01", "2026-05-05"),
                    range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
                    range("2026-10-01", "2026-10-07")),
            days(Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
                    .map(LocalDate::parse)),
            "国办发明电〔2025〕7号");

    private static final List<NationalHolidayNotice> PUBLISHED = List.of(YEAR_2026);

    public static Optional<NationalHolidayNotice> of(int year) {
        return PUBLISHED.stream().filter(notice -> notice.year() == year).findFirst();
    }

    public WorkingDays workingDays() {
        return new WorkingDays(publicHolidays, makeUpWorkingDays);
    }

    private static Stream<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1));
    }

    @SafeVarargs
    private static Set<LocalDate> days(Stream<LocalDate>... ranges) {
        return Stream.of(ranges).flatMap(range -> range).collect(Collectors.toUnmodifiableSet());
    }
}
