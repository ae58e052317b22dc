package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.vehicles.api.DriverView;
import cn.gov.jgsw.projections.vehicles.api.FindAvailableDriversQuery;
import cn.gov.jgsw.projections.vehicles.api.FindDispatchableVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The dispatcher's choice: vehicles and drivers of the bureau that are free for a period. */
@Controller
public class FleetController {

    private final QueryGateway queries;
    private final PersonDirectory people;

    public FleetController(QueryGateway queries, PersonDirectory people) {
        this.queries = queries;
        this.people = people;
    }

    @QueryMapping
    public List<VehicleView> dispatchableVehicles(@Argument Instant plannedStart, @Argument Instant plannedEnd,
                                                  @Argument Integer passengerCount,
                                                  Caller caller) {
        Roles.requireAny(caller, Role.DISPATCHER);
        return queries.query(new FindDispatchableVehiclesQuery(caller.tenantId(), window(plannedStart, plannedEnd),
                        passengerCount == null ? 1 : passengerCount),
                ResponseTypes.multipleInstancesOf(VehicleView.class)).join();
    }

    @QueryMapping
    public List<PersonView> availableDrivers(@Argument Instant plannedStart, @Argument Instant plannedEnd,
                                             Caller caller) {
        Roles.requireAny(caller, Role.DISPATCHER);
        List<String> driverIds = queries.query(
                        new FindAvailableDriversQuery(caller.tenantId(), window(plannedStart, plannedEnd)),
                        ResponseTypes.multipleInstancesOf(DriverView.class)).join()
                .stream().map(DriverView::id).toList();
        if (driverIds.isEmpty()) {
            return List.of();
        }
        return people.findPeople(caller.tenantId(), driverIds).stream()
                .sorted(Comparator.comparing(PersonView::userId)).toList();
    }

    private static TimeWindow window(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new BusinessRuleViolation(VehicleErrorCode.END_BEFORE_START, "window end not after start");
        }
        return new TimeWindow(start, end);
    }
}
