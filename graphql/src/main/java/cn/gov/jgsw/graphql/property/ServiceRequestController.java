package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.domain.property.api.AcceptServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.ConfirmServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.FinishServiceWorkCommand;
import cn.gov.jgsw.domain.property.api.QuoteServiceCostCommand;
import cn.gov.jgsw.domain.property.api.ReopenServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.RequestPropertyServiceCommand;
import cn.gov.jgsw.domain.property.api.StartServiceWorkCommand;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.idempotency.IdempotentMutations;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.AcceptServiceRequestInput;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.ConfirmServiceRequestInput;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.FinishServiceWorkInput;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.QuoteServiceCostInput;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.ReopenServiceRequestInput;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.RequestPropertyServiceInput;
import cn.gov.jgsw.graphql.property.ServiceRequestInputs.StartServiceWorkInput;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.property.api.FindServiceRequestQuery;
import cn.gov.jgsw.projections.property.api.FindServiceRequestsQuery;
import cn.gov.jgsw.projections.property.api.ServiceRequestList;
import cn.gov.jgsw.projections.property.api.ServiceRequestPage;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import cn.gov.jgsw.projections.calendar.api.FindWorkCalendarsQuery;
import cn.gov.jgsw.projections.calendar.api.WorkCalendarsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Property service requests on the phone. The bureau and the acting person come from the token; roles decide who may
 * use which operation ({@code FORBIDDEN}); a request of another bureau, or one the caller may not see, is
 * {@code NOT_FOUND} like a missing id. The due time is fixed when the request is made, from the bureau's service
 * levels and work calendar, and the record says which.
 */
@Controller
@EnableConfigurationProperties(PropertyServiceProperties.class)
public class ServiceRequestController {

    static final int MAX_PAGE = 50;

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final CursorCodec cursors;
    private final PersonDirectory people;
    private final ServiceLevels serviceLevels;
    private final Clock clock;

    public ServiceRequestController(CommandMutations mutations, QueryGateway queries, CursorCodec cursors,
                                    PersonDirectory people, ServiceLevels serviceLevels, Clock clock) {
        this.mutations = mutations;
        this.queries = queries;
        this.cursors = cursors;
        this.people = people;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    // queries

    @QueryMapping
    public ServiceRequestView serviceRequest(@Argument String id,
                                             Caller caller) {
        return find(caller.tenantId(), id).filter(request -> maySee(caller, request))
                .orElseThrow(() -> new ObjectNotFoundException("service request " + id));
    }

    @QueryMapping
    public Connection<ServiceRequestView> myServiceRequests(@Argument Integer first, @Argument String after,
                                                            Caller caller) {
        return list(caller, ServiceRequestList.REQUESTED_BY, first, after);
    }

    @QueryMapping
    public Connection<ServiceRequestView> serviceWorkQueue(@Argument Integer first, @Argument String after,
                                                           Caller caller) {
        Roles.requireAny(caller, Role.PROPERTY_STAFF);
        return list(caller, ServiceRequestList.WORK_QUEUE, first, after);
    }

    // mutations

    @MutationMapping
    public ServiceRequestPayload requestPropertyService(@Argument RequestPropertyServiceInput input,
                                                        Caller caller) {
        Roles.requireAny(caller, Role.CIVIL_SERVANT);
        String requestId = IdempotentMutations.newObjectId(caller, input.idempotencyKey());
        Instant now = clock.instant();
        WorkCalendarsView calendars = queries.query(new FindWorkCalendarsQuery(caller.tenantId()),
                WorkCalendarsView.class).join();
        ServiceLevels.InForce levels = serviceLevels.inForce(caller.tenantId());
        Instant dueAt = levels.targets().dueAt(input.urgency(), now, calendars.workingDays());
        String dueBasis = levels.targets().basisFor(input.urgency()) + " (" + levels.basis() + "), work calendar "
                + calendars.versions();
        return mutate(caller, "requestPropertyService", input.idempotencyKey(), input, requestId, null,
                new RequestPropertyServiceCommand(requestId, caller.tenantId(), caller.userId(), input.category(),
                        input.building(), input.room(), input.description(), input.urgency(), now, dueAt, dueBasis));
    }

    @MutationMapping
    public ServiceRequestPayload acceptServiceRequest(@Argument AcceptServiceRequestInput input,
                                                      Caller caller) {
        Roles.requireAny(caller, Role.PROPERTY_STAFF);
        requireVisible(caller, input.requestId());
        String assigneeId = input.assigneeId() == null ? caller.userId() : input.assigneeId();
        boolean propertyStaff = people.findPerson(caller.tenantId(), assigneeId)
                .filter(person -> person.roles().contains(Role.PROPERTY_STAFF)).isPresent();
        if (!propertyStaff) {
            throw new ObjectNotFoundException("property staff " + assigneeId);
        }
        return mutate(caller, "acceptServiceRequest", input.idempotencyKey(), input, input.requestId(), null,
                new AcceptServiceRequestCommand(input.requestId(), caller.tenantId(), caller.userId(), assigneeId));
    }

    @MutationMapping
    public ServiceRequestPayload startServiceWork(@Argument StartServiceWorkInput input,
                                                  Caller caller) {
        Roles.requireAny(caller, Role.PROPERTY_STAFF);
        requireVisible(caller, input.requestId());
        return mutate(caller, "startServiceWork", input.idempotencyKey(), input, input.requestId(), null,
                new StartServiceWorkCommand(input.requestId(), caller.tenantId(), caller.userId()));
    }

    @MutationMapping
    public ServiceRequestPayload quoteServiceCost(@Argument QuoteServiceCostInput input,
                                                  Caller caller) {
        Roles.requireAny(caller, Role.PROPERTY_STAFF);
        requireVisible(caller, input.requestId());
        return mutate(caller, "quoteServiceCost", input.idempotencyKey(), input, input.requestId(), null,
                new QuoteServiceCostCommand(input.requestId(), caller.tenantId(), caller.userId(), input.costFen(),
                        input.note()));
    }

    @MutationMapping
    public ServiceRequestPayload finishServiceWork(@Argument FinishServiceWorkInput input,
                                                   Caller caller) {
        Roles.requireAny(caller, Role.PROPERTY_STAFF);
        requireVisible(caller, input.requestId());
        return mutate(caller, "finishServiceWork", input.idempotencyKey(), input, input.requestId(), null,
                new FinishServiceWorkCommand(input.requestId(), caller.tenantId(), caller.userId(), input.note(),
                        clock.instant()));
    }

    @MutationMapping
    public ServiceRequestPayload confirmServiceRequest(@Argument ConfirmServiceRequestInput input,
                                                       Caller caller) {
        requireVisible(caller, input.requestId());
        return mutate(caller, "confirmServiceRequest", input.idempotencyKey(), input, input.requestId(), null,
                new ConfirmServiceRequestCommand(input.requestId(), caller.tenantId(), caller.userId(),
                        input.rating(), input.comment()));
    }

    @MutationMapping
    public ServiceRequestPayload reopenServiceRequest(@Argument ReopenServiceRequestInput input,
                                                      Caller caller) {
        requireVisible(caller, input.requestId());
        return mutate(caller, "reopenServiceRequest", input.idempotencyKey(), input, input.requestId(),
                input.reason(), new ReopenServiceRequestCommand(input.requestId(), caller.tenantId(), caller.userId(),
                        input.reason()));
    }

    private ServiceRequestPayload mutate(Caller caller, String operation, String key, Object input, String requestId,
                                         String reason, Object command) {
        return mutations.execute(caller, operation, key, input, reason, command,
                () -> find(caller.tenantId(), requestId).orElse(null), ServiceRequestView::version,
                ServiceRequestPayload::new, ServiceRequestPayload.class);
    }

    private Connection<ServiceRequestView> list(Caller caller, ServiceRequestList list, Integer first, String after) {
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        String listName = "service-requests/" + list.name();
        String afterPosition = after == null ? null : cursors.decode(caller, listName, after);
        ServiceRequestPage page = queries.query(new FindServiceRequestsQuery(caller.tenantId(), list, caller.userId(),
                afterPosition, pageSize), ServiceRequestPage.class).join();
        return Connection.of(page.requests(), request -> cursors.encode(caller, listName, request.position()),
                page.hasMore(), afterPosition == null);
    }

    private Optional<ServiceRequestView> find(String tenantId, String requestId) {
        return queries.query(new FindServiceRequestQuery(tenantId, requestId),
                ResponseTypes.optionalInstanceOf(ServiceRequestView.class)).join();
    }

    /** A step on a request the caller may not even see is "not found"; the domain still decides who may do what. */
    private void requireVisible(Caller caller, String requestId) {
        serviceRequest(requestId, caller);
    }

    /** Own requests; every request of the bureau for property staff and bureau admins. */
    private static boolean maySee(Caller caller, ServiceRequestView request) {
        return request.requesterId().equals(caller.userId())
                || caller.hasRole(Role.PROPERTY_STAFF) || caller.hasRole(Role.BUREAU_ADMIN);
    }
}
