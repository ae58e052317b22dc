package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ServiceArea;
import cn.gov.jgsw.domain.vehicles.api.SetServiceAreaCommand;
import cn.gov.jgsw.domain.vehicles.api.SetTrackRetentionCommand;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.FindServiceAreaQuery;
import cn.gov.jgsw.projections.vehicles.api.FindTrackRetentionQuery;
import cn.gov.jgsw.projections.vehicles.api.ServiceAreaView;
import cn.gov.jgsw.projections.vehicles.api.TrackRetentionView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** The bureau admin's settings of the fleet's fences: how long tracks are kept, and the service area. */
@Controller
public class FleetSettingsController {

    private final CommandMutations mutations;
    private final QueryGateway queries;

    public FleetSettingsController(CommandMutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    public record SetTrackRetentionInput(String idempotencyKey, int days) {
    }

    public record SetTrackRetentionPayload(TrackRetentionView retention) {
    }

    public record CoordinateInput(double latitude, double longitude) {
    }

    public record SetServiceAreaInput(String idempotencyKey, List<CoordinateInput> boundary) {
    }

    public record SetServiceAreaPayload(ServiceAreaView serviceArea) {
    }

    @QueryMapping
    public TrackRetentionView trackRetention(Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return retention(caller.tenantId());
    }

    @SchemaMapping(typeName = "TrackRetention")
    public long days(TrackRetentionView retention) {
        return retention.retention().toDays();
    }

    @MutationMapping
    public SetTrackRetentionPayload setTrackRetention(@Argument SetTrackRetentionInput input,
                                                      Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return mutations.execute(caller, "setTrackRetention", input.idempotencyKey(), input, null,
                new SetTrackRetentionCommand(SetTrackRetentionCommand.idOf(caller.tenantId()), caller.tenantId(),
                        input.days()),
                () -> retention(caller.tenantId()),
                retention -> retention.version() == null ? -1 : retention.version(),
                SetTrackRetentionPayload::new, SetTrackRetentionPayload.class);
    }

    @QueryMapping
    public ServiceAreaView serviceArea(Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        ServiceAreaView area = area(caller.tenantId());
        return area.area() == null ? null : area;
    }

    @SchemaMapping(typeName = "ServiceArea")
    public List<GeoPoint> boundary(ServiceAreaView area) {
        return area.area().boundary();
    }

    @MutationMapping
    public SetServiceAreaPayload setServiceArea(@Argument SetServiceAreaInput input,
                                                Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        ServiceArea area = new ServiceArea(input.boundary().stream()
                .map(corner -> new GeoPoint(corner.latitude(), corner.longitude())).toList());
        return mutations.execute(caller, "setServiceArea", input.idempotencyKey(), input, null,
                new SetServiceAreaCommand(SetServiceAreaCommand.idOf(caller.tenantId()), caller.tenantId(), area),
                () -> area(caller.tenantId()), view -> view.version() == null ? -1 : view.version(),
                SetServiceAreaPayload::new, SetServiceAreaPayload.class);
    }

    private TrackRetentionView retention(String tenantId) {
        return queries.query(new FindTrackRetentionQuery(tenantId), TrackRetentionView.class).join();
    }

    private ServiceAreaView area(String tenantId) {
        return queries.query(new FindServiceAreaQuery(tenantId), ServiceAreaView.class).join();
    }
}
