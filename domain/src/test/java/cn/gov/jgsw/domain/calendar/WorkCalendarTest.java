package cn.gov.jgsw.domain.calendar;

import cn.gov.jgsw.domain.calendar.api.CalendarErrorCode;
import cn.gov.jgsw.domain.calendar.api.SetWorkCalendarCommand;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarIds;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarSetEvent;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

class WorkCalendarTest {

    private static final String NANMING = "bureau-nanming";
    private static final String ID = WorkCalendarIds.of(NANMING, 2026);
    private static final LocalDate NEW_YEAR = LocalDate.parse("2026-01-01");
    private static final LocalDate MAKE_UP_SUNDAY = LocalDate.parse("2026-01-04");
    private static final String BASIS = "国办发明电〔2025〕7号";

    private final AggregateTestFixture<WorkCalendar> fixture = new AggregateTestFixture<>(WorkCalendar.class);

    private static SetWorkCalendarCommand set(Set<LocalDate> holidays, Set<LocalDate> makeUp) {
        return new SetWorkCalendarCommand(ID, NANMING, 2026, holidays, makeUp, BASIS);
    }

    private static WorkCalendarSetEvent newYearOnly() {
        return new WorkCalendarSetEvent(ID, NANMING, 2026, List.of(NEW_YEAR), List.of(MAKE_UP_SUNDAY), BASIS);
    }

    @Test
    void aBureauSetsItsCalendarOfAYear() {
        fixture.givenNoPriorActivity()
                .when(set(Set.of(NEW_YEAR), Set.of(MAKE_UP_SUNDAY)))
                .expectEvents(newYearOnly())
                .expectResultMessagePayload(0L);
    }

    @Test
    void settingItAgainMakesANewVersionAndTheSameCalendarNone() {
        LocalDate springFestival = LocalDate.parse("2026-02-16");
        fixture.given(newYearOnly())
                .when(set(Set.of(NEW_YEAR, springFestival), Set.of(MAKE_UP_SUNDAY)))
                .expectEvents(new WorkCalendarSetEvent(ID, NANMING, 2026, List.of(NEW_YEAR, springFestival),
                        List.of(MAKE_UP_SUNDAY), BASIS))
                .expectResultMessagePayload(1L);
        fixture.given(newYearOnly())
                .when(set(Set.of(NEW_YEAR), Set.of(MAKE_UP_SUNDAY)))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void daysOutsideTheYearOrContradictoryOrAWeekdayAsMakeUpDayAreRefused() {
        for (SetWorkCalendarCommand invalid : List.of(
                set(Set.of(LocalDate.parse("2027-01-01")), Set.of()),
                set(Set.of(MAKE_UP_SUNDAY), Set.of(MAKE_UP_SUNDAY)),
                set(Set.of(), Set.of(LocalDate.parse("2026-01-05"))),
                new SetWorkCalendarCommand(ID, NANMING, 2026, Set.of(), Set.of(), " "),
                new SetWorkCalendarCommand(WorkCalendarIds.of("bureau-yunyan", 2026), NANMING, 2026, Set.of(),
                        Set.of(), BASIS))) {
            // A fixture per case: the fixture insists that one test speaks of one aggregate id.
            new AggregateTestFixture<>(WorkCalendar.class).givenNoPriorActivity()
                    .when(invalid)
                    .expectNoEvents()
                    .expectException(refusedWith(CalendarErrorCode.INVALID_WORK_CALENDAR));
        }
    }

    @Test
    void anotherBureausCalendarIsNotFound() {
        fixture.given(newYearOnly())
                .when(new SetWorkCalendarCommand(ID, "bureau-yunyan", 2026, Set.of(), Set.of(), BASIS))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.NOT_FOUND));
    }
}
