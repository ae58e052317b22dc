package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.graphql.runtime.ReferenceBatches;
import cn.gov.jgsw.projections.vehicles.api.FindVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people and vehicles an order refers to, fetched once per list rather than once per order.
 */
@Controller
public class VehicleOrderFields {

    private final PersonDirectory people;
    private final QueryGateway queries;

    public VehicleOrderFields(PersonDirectory people, QueryGateway queries) {
        this.people = people;
        this.queries = queries;
    }

    @BatchMapping(typeName = "VehicleOrder", field = "requester")
    public Map<VehicleOrderView, PersonView> requester(List<VehicleOrderView> orders) {
        return byOrder(orders, VehicleOrderView::requesterId, this::peopleById);
    }

    @BatchMapping(typeName = "VehicleOrder", field = "driver")
    public Map<VehicleOrderView, PersonView> driver(List<VehicleOrderView> orders) {
        return byOrder(orders, VehicleOrderView::driverId, this::peopleById);
    }

    @BatchMapping(typeName = "VehicleOrder", field = "vehicle")
    public Map<VehicleOrderView, VehicleView> vehicle(List<VehicleOrderView> orders) {
        return byOrder(orders, VehicleOrderView::vehicleId, this::vehiclesById);
    }

    private Map<String, PersonView> peopleById(String tenantId, List<String> ids) {
        return people.findPeople(tenantId, ids).stream().collect(Collectors.toMap(PersonView::userId, p -> p));
    }

    private Map<String, VehicleView> vehiclesById(String tenantId, List<String> ids) {
        return queries.query(new FindVehiclesQuery(tenantId, ids), ResponseTypes.multipleInstancesOf(VehicleView.class))
                .join().stream().collect(Collectors.toMap(VehicleView::id, v -> v));
    }

    private static <T> Map<VehicleOrderView, T> byOrder(List<VehicleOrderView> orders,
                                                        Function<VehicleOrderView, String> reference,
                                                        ReferenceBatches.LookUp<T> lookUp) {
        return ReferenceBatches.resolve(orders, VehicleOrderView::tenantId, reference, lookUp);
    }
}
