package cn.gov.jgsw.domain.calendar;

import cn.gov.jgsw.domain.calendar.api.CalendarErrorCode;
import cn.gov.jgsw.domain.calendar.api.SetWorkCalendarCommand;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarIds;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarSetEvent;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A bureau's work calendar of one year (工作日历). Setting it again makes a new version; every version stays in the
 * record, and what was computed with a calendar (an SLA due time) names the version it used.
 */
@AggregateRoot
public class WorkCalendar {

    static final int LONGEST_BASIS = 200;

    @AggregateIdentifier
    private String calendarId;
    private String tenantId;
    private List<LocalDate> publicHolidays = List.of();
    private List<LocalDate> makeUpWorkingDays = List.of();
    private String basis;

    /** For Axon, which rebuilds the aggregate from its events. */
    protected WorkCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetWorkCalendarCommand command) {
        if (calendarId != null && !Objects.equals(tenantId, command.tenantId())) {
            throw new ObjectNotFoundException("work calendar " + calendarId + " not in tenant " + command.tenantId());
        }
        if (!WorkCalendarIds.of(command.tenantId(), command.year()).equals(command.calendarId())) {
            throw invalid("calendar id " + command.calendarId() + " is not the one of its bureau and year");
        }
        List<LocalDate> holidays = checkedDays(command.publicHolidays(), command.year(), "holiday");
        List<LocalDate> makeUp = checkedDays(command.makeUpWorkingDays(), command.year(), "make-up day");
        if (holidays.stream().anyMatch(makeUp::contains)) {
            throw invalid("a day is both holiday and working day");
        }
        if (makeUp.stream().anyMatch(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY)) {
            throw invalid("a make-up working day must be a weekend day");
        }
        FreeText.Checked checkedBasis = FreeText.check(command.basis(), LONGEST_BASIS);
        if (checkedBasis.refused() || checkedBasis.blank()) {
            throw invalid("basis: " + checkedBasis.problem());
        }
        if (holidays.equals(publicHolidays) && makeUp.equals(makeUpWorkingDays)
                && checkedBasis.text().equals(basis)) {
            // The same calendar again is no new version: the record holds changes, not repeated requests.
            return getVersion();
        }
        apply(new WorkCalendarSetEvent(command.calendarId(), command.tenantId(), command.year(), holidays, makeUp,
                checkedBasis.text()));
        return getVersion();
    }

    private static List<LocalDate> checkedDays(Set<LocalDate> days, int year, String what) {
        if (days == null || days.stream().anyMatch(Objects::isNull)) {
            throw invalid(what + " missing");
        }
        if (days.stream().anyMatch(day -> day.getYear() != year)) {
            throw invalid(what + " outside " + year);
        }
        return days.stream().sorted().toList();
    }

    private static BusinessRuleViolation invalid(String logMessage) {
        return new BusinessRuleViolation(CalendarErrorCode.INVALID_WORK_CALENDAR, logMessage);
    }

    @EventSourcingHandler
    void on(WorkCalendarSetEvent event) {
        calendarId = event.calendarId();
        tenantId = event.tenantId();
        publicHolidays = event.publicHolidays();
        makeUpWorkingDays = event.makeUpWorkingDays();
        basis = event.basis();
    }
}
