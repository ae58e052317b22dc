package cn.gov.jgsw.projections.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.approvals.api.RouteApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.SubmitApprovalRequestCommand;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.projections.approvals.api.ApprovalRoute;
import cn.gov.jgsw.projections.approvals.api.FindApprovalRouteQuery;
import cn.gov.jgsw.projections.calendar.api.FindWorkCalendarsQuery;
import cn.gov.jgsw.projections.calendar.api.WorkCalendarsView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Routes a subject to its approvers: finds the conditions it meets on the bureau's work calendar, takes the steps of
 * the bureau's current policy that apply, resolves roles to people, and submits the approval request with the policy
 * version it used. Lives beside the read models it needs; the decision itself stays in the approval request.
 */
@Component
public class ApprovalRouter {

    private static final Logger log = LoggerFactory.getLogger(ApprovalRouter.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final EventStore eventStore;

    public ApprovalRouter(QueryGateway queries, CommandGateway commands, EventStore eventStore) {
        this.queries = queries;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /**
     * Routes the subject, unless its approval exists: a process handles an event again when it was killed after the
     * approval was stored but before its position was (ADR 0019), and routing again would fail its whole unit of work
     * on the approval's taken identifier, over and over.
     */
    @CommandHandler
    void handle(RouteApprovalCommand command) {
        if (eventStore.lastSequenceNumberFor(command.approvalId()).isPresent()) {
            log.info("{} {} of {} was routed before as {}; not again", command.subjectType(), command.subjectId(),
                    command.tenantId(), command.approvalId());
            return;
        }
        WorkCalendarsView calendars = queries.query(new FindWorkCalendarsQuery(command.tenantId()),
                WorkCalendarsView.class).join();
        Set<String> conditions = ApprovalConditions.of(command.plannedStart(), command.plannedEnd(),
                calendars.workingDays());
        ApprovalRoute route = queries.query(new FindApprovalRouteQuery(command.tenantId(), command.subjectType(),
                conditions, command.costFen()), ApprovalRoute.class).join();
        try {
            commands.sendAndWait(new SubmitApprovalRequestCommand(command.approvalId(), command.tenantId(),
                    command.subjectType(), command.subjectId(), command.requesterId(), command.summary(),
                    route.policyVersion(), route.steps()));
        } catch (BusinessRuleViolation refused) {
            // The subject waits without approvers (a step nobody but the requester could decide): the bureau admin
            // has to fix the policy. Said loudly, since nobody's inbox shows it.
            log.warn("{} {} of {} could not be routed under policy version {}: {}", command.subjectType(),
                    command.subjectId(), command.tenantId(), route.policyVersion(), refused.errorCode().code());
            throw refused;
        }
    }
}
