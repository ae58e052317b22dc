package cn.gov.jgsw.graphql.calendar;

import cn.gov.jgsw.domain.calendar.api.SetWorkCalendarCommand;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarIds;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.calendar.api.FindWorkCalendarsQuery;
import cn.gov.jgsw.projections.calendar.api.WorkCalendarsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.HashSet;

/** The caller's bureau's work calendar: everybody reads it, bureau admins set it. */
@Controller
public class WorkCalendarController {

    private final CommandMutations mutations;
    private final QueryGateway queries;

    public WorkCalendarController(CommandMutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @QueryMapping
    public WorkCalendarsView.Year workCalendar(@Argument int year,
                                               Caller caller) {
        return calendars(caller).of(year).orElse(null);
    }

    @MutationMapping
    public SetWorkCalendarPayload setWorkCalendar(@Argument SetWorkCalendarInput input,
                                                  Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return mutations.execute(caller, "setWorkCalendar", input.idempotencyKey(), input, null,
                new SetWorkCalendarCommand(WorkCalendarIds.of(caller.tenantId(), input.year()), caller.tenantId(),
                        input.year(), new HashSet<>(input.publicHolidays()), new HashSet<>(input.makeUpWorkingDays()),
                        input.basis()),
                () -> calendars(caller).of(input.year()).orElse(null), WorkCalendarsView.Year::version,
                SetWorkCalendarPayload::new, SetWorkCalendarPayload.class);
    }

    private WorkCalendarsView calendars(Caller caller) {
        return queries.query(new FindWorkCalendarsQuery(caller.tenantId()), WorkCalendarsView.class).join();
    }
}
