package cn.gov.jgsw.projections.fleet;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.projections.fleet.api.DriverView;
import cn.gov.jgsw.projections.fleet.api.FindAvailableDriversQuery;
import cn.gov.jgsw.projections.fleet.api.FindDispatchableVehiclesQuery;
import cn.gov.jgsw.projections.fleet.api.FindVehicleQuery;
import cn.gov.jgsw.projections.fleet.api.FindVehiclesQuery;
import cn.gov.jgsw.projections.fleet.api.VehicleView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the fleet: {@code fleet_vehicles} and {@code fleet_drivers} (one document each) and
 * {@code fleet_reservations} (one per vehicle or driver and order, removed when released). Writes are keyed by ids
 * from the events, so replays rewrite the same documents. Indexes, tenant first:
 * {@code fleet_vehicles {tenantId, plateNumber}}, {@code fleet_drivers {tenantId, _id}},
 * {@code fleet_reservations {tenantId, kind, start, end}}.
 * <p>
 * The view answers "who looks free"; the vehicle and driver aggregates decide at dispatch, so a stale view can
 * make a dispatch fail with a double-booking code but never double-book.
 */
@Component
@ProcessingGroup(FleetProjection.PROCESSING_GROUP)
public class FleetProjection {

    public static final String PROCESSING_GROUP = "fleet";
    private static final String VEHICLE = "VEHICLE";
    private static final String DRIVER = "DRIVER";

    private final MongoCollection<Document> vehicles;
    private final MongoCollection<Document> drivers;
    private final MongoCollection<Document> reservations;

    public FleetProjection(MongoDatabase platformDatabase) {
        this.vehicles = platformDatabase.getCollection("fleet_vehicles");
        this.drivers = platformDatabase.getCollection("fleet_drivers");
        this.reservations = platformDatabase.getCollection("fleet_reservations");
        vehicles.createIndex(Indexes.ascending("tenantId", "plateNumber"));
        drivers.createIndex(Indexes.ascending("tenantId", "_id"));
        reservations.createIndex(Indexes.ascending("tenantId", "kind", "start", "end"));
    }

    @EventHandler
    void on(VehicleRegisteredEvent event) {
        vehicles.replaceOne(Filters.eq("_id", event.vehicleId()), new Document("_id", event.vehicleId())
                        .append("tenantId", event.tenantId())
                        .append("plateNumber", event.plateNumber())
                        .append("carClass", event.carClass().name())
                        .append("seats", event.seats()),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(DriverRegisteredEvent event) {
        drivers.replaceOne(Filters.eq("_id", event.driverId()),
                new Document("_id", event.driverId()).append("tenantId", event.tenantId()),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(VehicleReservedEvent event) {
        reserve(VEHICLE, event.tenantId(), event.vehicleId(), event.orderId(), event.window());
    }

    @EventHandler
    void on(VehicleReleasedEvent event) {
        reservations.deleteOne(Filters.eq("_id", reservationId(VEHICLE, event.vehicleId(), event.orderId())));
    }

    @EventHandler
    void on(DriverReservedEvent event) {
        reserve(DRIVER, event.tenantId(), event.driverId(), event.orderId(), event.window());
    }

    @EventHandler
    void on(DriverReleasedEvent event) {
        reservations.deleteOne(Filters.eq("_id", reservationId(DRIVER, event.driverId(), event.orderId())));
    }

    @QueryHandler
    Optional<VehicleView> handle(FindVehicleQuery query) {
        return Optional.ofNullable(vehicles.find(Filters.and(
                Filters.eq("tenantId", query.tenantId()), Filters.eq("_id", query.vehicleId()))).first())
                .map(FleetProjection::vehicle);
    }

    @QueryHandler
    List<VehicleView> handle(FindVehiclesQuery query) {
        return vehicles.find(Filters.and(Filters.eq("tenantId", query.tenantId()), Filters.in("_id", query.vehicleIds())))
                .map(FleetProjection::vehicle).into(new ArrayList<>());
    }

    @QueryHandler
    List<VehicleView> handle(FindDispatchableVehiclesQuery query) {
        Set<String> busy = busy(VEHICLE, query.tenantId(), query.window());
        return vehicles.find(Filters.and(Filters.eq("tenantId", query.tenantId()),
                        Filters.gte("seats", query.passengerCount())))
                .sort(Sorts.ascending("plateNumber"))
                .map(FleetProjection::vehicle)
                .into(new ArrayList<>()).stream()
                .filter(v -> !busy.contains(v.id()))
                .toList();
    }

    @QueryHandler
    List<DriverView> handle(FindAvailableDriversQuery query) {
        Set<String> busy = busy(DRIVER, query.tenantId(), query.window());
        return drivers.find(Filters.eq("tenantId", query.tenantId())).sort(Sorts.ascending("_id"))
                .map(d -> new DriverView(d.getString("_id"), d.getString("tenantId")))
                .into(new ArrayList<>()).stream()
                .filter(d -> !busy.contains(d.id()))
                .toList();
    }

    private Set<String> busy(String kind, String tenantId, TimeWindow window) {
        Set<String> busy = new HashSet<>();
        reservations.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("kind", kind),
                        Filters.lt("start", Date.from(window.end())), Filters.gt("end", Date.from(window.start()))))
                .forEach(r -> busy.add(r.getString("resourceId")));
        return busy;
    }

    private void reserve(String kind, String tenantId, String resourceId, String orderId, TimeWindow window) {
        String id = reservationId(kind, resourceId, orderId);
        reservations.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                        .append("tenantId", tenantId)
                        .append("kind", kind)
                        .append("resourceId", resourceId)
                        .append("orderId", orderId)
                        .append("start", Date.from(window.start()))
                        .append("end", Date.from(window.end())),
                new ReplaceOptions().upsert(true));
    }

    private static String reservationId(String kind, String resourceId, String orderId) {
        return kind + ":" + resourceId + ":" + orderId;
    }

    private static VehicleView vehicle(Document d) {
        return new VehicleView(d.getString("_id"), d.getString("tenantId"), d.getString("plateNumber"),
                CarClass.valueOf(d.getString("carClass")), d.getInteger("seats"));
    }
}
