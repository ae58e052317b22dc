package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.AlertDisposition;
import cn.gov.jgsw.domain.vehicles.api.DisposeVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.graphql.audit.PurposeBoundReads;
import cn.gov.jgsw.graphql.audit.SupervisorScope;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.graphql.runtime.ReferenceBatches;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleAlertCaseQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleAlertCasesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleAlertCasePage;
import cn.gov.jgsw.projections.vehicles.api.VehicleAlertCaseView;
import cn.gov.jgsw.projections.vehicles.api.FindVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alert cases for the bureau admin, who disposes of them; read-only for supervisors above, through a purpose-bound
 * read. Another bureau's case is {@code NOT_FOUND} like a missing id.
 */
@Controller
public class AlertCaseController {

    static final int MAX_PAGE = 50;

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final CursorCodec cursors;
    private final PersonDirectory people;
    private final SupervisorScope supervisorScope;
    private final PurposeBoundReads purposeBoundReads;

    public AlertCaseController(CommandMutations mutations, QueryGateway queries, CursorCodec cursors,
                               PersonDirectory people, SupervisorScope supervisorScope,
                               PurposeBoundReads purposeBoundReads) {
        this.mutations = mutations;
        this.queries = queries;
        this.cursors = cursors;
        this.people = people;
        this.supervisorScope = supervisorScope;
        this.purposeBoundReads = purposeBoundReads;
    }

    public record DisposeVehicleAlertCaseInput(String idempotencyKey, String caseId, AlertDisposition disposition,
                                               String reason) {
    }

    public record DisposeVehicleAlertCasePayload(VehicleAlertCaseView alertCase) {
    }

    @QueryMapping
    public Connection<VehicleAlertCaseView> vehicleAlertCases(@Argument Boolean openOnly, @Argument Integer first,
                                                              @Argument String after,
                                                              Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return list(caller, caller.tenantId(), openOnly == null || openOnly, first, after);
    }

    @QueryMapping
    public VehicleAlertCaseView vehicleAlertCase(@Argument String id,
                                                 Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return find(caller.tenantId(), id).orElseThrow(() -> new ObjectNotFoundException("alert case " + id));
    }

    @QueryMapping
    public Connection<VehicleAlertCaseView> bureauVehicleAlertCases(@Argument String bureauId,
                                                                    @Argument String purpose,
                                                                    @Argument Boolean openOnly,
                                                                    @Argument Integer first, @Argument String after,
                                                                    Caller caller) {
        supervisorScope.requireSupervised(caller, bureauId);
        purposeBoundReads.record(caller, "vehicle-alert-cases of " + bureauId, purpose);
        return list(caller, bureauId, openOnly != null && openOnly, first, after);
    }

    @SchemaMapping(typeName = "PositionFix")
    public double latitude(PositionFix fix) {
        return fix.point().latitude();
    }

    @SchemaMapping(typeName = "PositionFix")
    public double longitude(PositionFix fix) {
        return fix.point().longitude();
    }

    @BatchMapping(typeName = "VehicleAlertCase", field = "vehicle")
    public Map<VehicleAlertCaseView, VehicleView> vehicle(List<VehicleAlertCaseView> cases) {
        return ReferenceBatches.resolve(cases, VehicleAlertCaseView::tenantId, VehicleAlertCaseView::vehicleId,
                (tenantId, ids) -> queries.query(new FindVehiclesQuery(tenantId, ids),
                                ResponseTypes.multipleInstancesOf(VehicleView.class)).join().stream()
                        .collect(Collectors.toMap(VehicleView::id, vehicle -> vehicle)));
    }

    @BatchMapping(typeName = "VehicleAlertCase", field = "disposedBy")
    public Map<VehicleAlertCaseView, PersonView> disposedBy(List<VehicleAlertCaseView> cases) {
        return ReferenceBatches.resolve(cases, VehicleAlertCaseView::tenantId, VehicleAlertCaseView::disposedBy,
                (tenantId, ids) -> people.findPeople(tenantId, ids).stream()
                        .collect(Collectors.toMap(PersonView::userId, person -> person)));
    }

    @MutationMapping
    public DisposeVehicleAlertCasePayload disposeVehicleAlertCase(@Argument DisposeVehicleAlertCaseInput input,
                                                                  Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        vehicleAlertCase(input.caseId(), caller);
        return mutations.execute(caller, "disposeVehicleAlertCase", input.idempotencyKey(), input, input.reason(),
                new DisposeVehicleAlertCommand(input.caseId(), caller.tenantId(), caller.userId(),
                        input.disposition(), input.reason()),
                () -> find(caller.tenantId(), input.caseId()).orElse(null), VehicleAlertCaseView::version,
                DisposeVehicleAlertCasePayload::new, DisposeVehicleAlertCasePayload.class);
    }

    private Connection<VehicleAlertCaseView> list(Caller caller, String tenantId, boolean openOnly, Integer first,
                                                  String after) {
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        String listName = "vehicle-alert-cases/" + (openOnly ? "open" : "all") + "/" + tenantId;
        String afterPosition = after == null ? null : cursors.decode(caller, listName, after);
        VehicleAlertCasePage page = queries.query(new FindVehicleAlertCasesQuery(tenantId, openOnly, afterPosition,
                pageSize), VehicleAlertCasePage.class).join();
        return Connection.of(page.cases(), found -> cursors.encode(caller, listName, found.position()),
                page.hasMore(), afterPosition == null);
    }

    private Optional<VehicleAlertCaseView> find(String tenantId, String caseId) {
        return queries.query(new FindVehicleAlertCaseQuery(tenantId, caseId),
                ResponseTypes.optionalInstanceOf(VehicleAlertCaseView.class)).join();
    }
}
