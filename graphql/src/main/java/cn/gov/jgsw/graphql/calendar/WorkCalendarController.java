package cn.gov.jgsw.graphql.calendar;

import cn.gov.jgsw.domain.calendar.api.SetWorkCalendarCommand;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarIds;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.runtime.CallerInterceptor;
import cn.gov.jgsw.graphql.runtime.ReadYourWrites;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.workcalendar.api.FindWorkCalendarsQuery;
import cn.gov.jgsw.projections.workcalendar.api.WorkCalendarsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.HashSet;
import java.util.concurrent.TimeUnit;

/** The caller's bureau's work calendar: everybody reads it, bureau admins set it. */
@Controller
public class WorkCalendarController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotentMutations idempotentMutations;
    private final ReadYourWrites readYourWrites;

    public WorkCalendarController(CommandGateway commands, QueryGateway queries,
                                  IdempotentMutations idempotentMutations, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.idempotentMutations = idempotentMutations;
        this.readYourWrites = readYourWrites;
    }

    @QueryMapping
    public WorkCalendarsView.Year workCalendar(@Argument int year,
                                               @ContextValue(CallerInterceptor.CALLER) Caller caller) {
        return calendars(caller).of(year).orElse(null);
    }

    @MutationMapping
    public SetWorkCalendarPayload setWorkCalendar(@Argument SetWorkCalendarInput input,
                                                  @ContextValue(CallerInterceptor.CALLER) Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return idempotentMutations.execute(caller, "setWorkCalendar", input.idempotencyKey(), input, Long.class,
                () -> {
                    Object version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new SetWorkCalendarCommand(WorkCalendarIds.of(caller.tenantId(), input.year()),
                                            caller.tenantId(), input.year(), new HashSet<>(input.publicHolidays()),
                                            new HashSet<>(input.makeUpWorkingDays()), input.basis()))
                            .andMetaData(CommandMetadata.of(caller, input.idempotencyKey(), null)),
                            COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return version instanceof Long known ? known : 0L;
                },
                version -> new SetWorkCalendarPayload(readYourWrites.await(
                        () -> calendars(caller).of(input.year()).orElse(null),
                        calendar -> calendar != null && calendar.version() >= version)),
                SetWorkCalendarPayload.class);
    }

    private WorkCalendarsView calendars(Caller caller) {
        return queries.query(new FindWorkCalendarsQuery(caller.tenantId()), WorkCalendarsView.class).join();
    }
}
