package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.FindFleetQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleReservationsQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleReservations;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.projections.vehicles.api.FindLastPositionsQuery;
import cn.gov.jgsw.projections.vehicles.api.LastPositionsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The dispatcher's fleet board (车辆看板): every vehicle of the bureau, what it is doing now, and where its terminal
 * last reported. Three look-ups per board, whatever the fleet's size.
 */
@Controller
public class FleetBoardController {

    private final QueryGateway queries;
    private final Clock clock;

    public FleetBoardController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** A line of the board as the SDL shows it. */
    public record FleetBoardEntry(VehicleView vehicle, String status, PositionFix lastPosition) {
    }

    @QueryMapping
    public List<FleetBoardEntry> fleetBoard(Caller caller) {
        Roles.requireAny(caller, Role.DISPATCHER, Role.BUREAU_ADMIN);
        List<VehicleView> fleet = queries.query(new FindFleetQuery(caller.tenantId()),
                ResponseTypes.multipleInstancesOf(VehicleView.class)).join();
        List<String> ids = fleet.stream().map(VehicleView::id).toList();
        VehicleReservations reservations = queries.query(new FindVehicleReservationsQuery(caller.tenantId(), ids),
                VehicleReservations.class).join();
        LastPositionsView positions = queries.query(new FindLastPositionsQuery(caller.tenantId(), ids),
                LastPositionsView.class).join();
        Instant now = clock.instant();
        return fleet.stream().map(vehicle -> new FleetBoardEntry(vehicle,
                status(vehicle, reservations.of(vehicle.id()), now),
                positions.byVehicle().get(vehicle.id()))).toList();
    }

    /** The order that has begun counts as the fences count it: from half an hour before its start until released. */
    private static String status(VehicleView vehicle, List<TimeWindow> reservations, Instant now) {
        if (vehicle.retired()) {
            return "RETIRED";
        }
        if (vehicle.sealedDuring(new TimeWindow(now, now.plusMillis(1)))) {
            return "SEALED";
        }
        boolean onOrder = reservations.stream()
                .anyMatch(order -> !now.isBefore(order.start().minus(FenceRules.EARLY_DEPARTURE)));
        return onOrder ? "ON_ORDER" : "AVAILABLE";
    }
}
