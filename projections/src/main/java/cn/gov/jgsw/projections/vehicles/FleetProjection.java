package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DriverLicenceRecordedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRetiredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleSealedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleUnsealedEvent;
import cn.gov.jgsw.projections.vehicles.api.DriverView;
import cn.gov.jgsw.projections.vehicles.api.FindAvailableDriversQuery;
import cn.gov.jgsw.projections.vehicles.api.FindDispatchableVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.FindDriversQuery;
import cn.gov.jgsw.projections.vehicles.api.FindFleetQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleReservationsQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleReservations;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the fleet: {@code fleet_vehicles} (one document per vehicle: ledger facts, sealings, retirement) and
 * {@code fleet_drivers} (one document each) and
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
    void on(VehicleRegisteredEvent event, @SequenceNumber long sequence) {
        ParkingSpot spot = event.parkingSpot();
        vehicles.replaceOne(Filters.eq("_id", event.vehicleId()), new Document("_id", event.vehicleId())
                        .append("tenantId", event.tenantId())
                        .append("plateNumber", event.plateNumber())
                        .append("carClass", event.carClass().name())
                        .append("seats", event.seats())
                        .append("energyType", event.energyType() == null ? null : event.energyType().name())
                        .append("purchasePriceFen", event.purchasePriceFen())
                        .append("purchaseDate", event.purchaseDate() == null ? null : event.purchaseDate().toString())
                        .append("owningUnitId", event.owningUnitId())
                        .append("parkingSpot", spot == null ? null : new Document("latitude", spot.centre().latitude())
                                .append("longitude", spot.centre().longitude())
                                .append("radiusMetres", spot.radiusMetres()))
                        .append("sealings", List.of())
                        .append("retired", false)
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(VehicleSealedEvent event, @SequenceNumber long sequence) {
        updateVehicle(event.vehicleId(), sequence, Updates.push("sealings", new Document("_id", event.sealId())
                .append("start", Date.from(event.period().start()))
                .append("end", Date.from(event.period().end()))
                .append("reason", event.reason())));
    }

    /** The sealing ends when it was lifted (never before it began); the list is read, changed and written whole. */
    @EventHandler
    void on(VehicleUnsealedEvent event, @SequenceNumber long sequence) {
        Document vehicle = vehicles.find(Filters.eq("_id", event.vehicleId())).first();
        if (vehicle == null) {
            return;
        }
        List<Document> sealings = new ArrayList<>(sealings(vehicle));
        sealings.replaceAll(sealing -> {
            if (!sealing.getString("_id").equals(event.sealId())) {
                return sealing;
            }
            Date start = sealing.getDate("start");
            Date lifted = Date.from(event.liftedAt());
            return new Document(sealing).append("end", lifted.after(start) ? lifted : start)
                    .append("liftReason", event.reason());
        });
        updateVehicle(event.vehicleId(), sequence, Updates.set("sealings", sealings));
    }

    @EventHandler
    void on(VehicleRetiredEvent event, @SequenceNumber long sequence) {
        updateVehicle(event.vehicleId(), sequence, Updates.combine(Updates.set("retired", true),
                Updates.set("retireReason", event.reason())));
    }

    /** Applies a vehicle's event once: the stored version is the sequence number of the newest event applied. */
    private void updateVehicle(String vehicleId, long sequence, Bson... changes) {
        List<Bson> all = new ArrayList<>(List.of(changes));
        all.add(Updates.set("version", sequence));
        vehicles.updateOne(Filters.and(Filters.eq("_id", vehicleId), Filters.lt("version", sequence)),
                Updates.combine(all));
    }

    @EventHandler
    void on(DriverRegisteredEvent event, @SequenceNumber long sequence) {
        drivers.replaceOne(Filters.eq("_id", event.driverId()),
                new Document("_id", event.driverId()).append("tenantId", event.tenantId()).append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(DriverLicenceRecordedEvent event, @SequenceNumber long sequence) {
        updateDriver(event.driverId(), sequence, Updates.set("licenceClass", event.licenceClass().name()),
                Updates.set("licenceValidUntil", event.validUntil() == null ? null : event.validUntil().toString()));
    }

    /** Applies a driver's event once, like {@link #updateVehicle}. */
    private void updateDriver(String driverId, long sequence, Bson... changes) {
        List<Bson> all = new ArrayList<>(List.of(changes));
        all.add(Updates.set("version", sequence));
        drivers.updateOne(Filters.and(Filters.eq("_id", driverId), Filters.lt("version", sequence)),
                Updates.combine(all));
    }

    @EventHandler
    void on(VehicleReservedEvent event, @SequenceNumber long sequence) {
        reserve(VEHICLE, event.tenantId(), event.vehicleId(), event.orderId(), event.window());
        updateVehicle(event.vehicleId(), sequence);
    }

    @EventHandler
    void on(VehicleReleasedEvent event, @SequenceNumber long sequence) {
        reservations.deleteOne(Filters.eq("_id", reservationId(VEHICLE, event.vehicleId(), event.orderId())));
        updateVehicle(event.vehicleId(), sequence);
    }

    @EventHandler
    void on(DriverReservedEvent event, @SequenceNumber long sequence) {
        reserve(DRIVER, event.tenantId(), event.driverId(), event.orderId(), event.window());
        updateDriver(event.driverId(), sequence);
    }

    @EventHandler
    void on(DriverReleasedEvent event, @SequenceNumber long sequence) {
        reservations.deleteOne(Filters.eq("_id", reservationId(DRIVER, event.driverId(), event.orderId())));
        updateDriver(event.driverId(), sequence);
    }

    @QueryHandler
    Optional<VehicleView> handle(FindVehicleQuery query) {
        return Optional.ofNullable(TenantDocuments.find(vehicles, query.tenantId(), query.vehicleId()))
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
                        Filters.gte("seats", query.passengerCount()), Filters.ne("retired", true)))
                .sort(Sorts.ascending("plateNumber"))
                .map(FleetProjection::vehicle)
                .into(new ArrayList<>()).stream()
                .filter(v -> !busy.contains(v.id()) && !v.sealedDuring(query.window()))
                .toList();
    }

    @QueryHandler
    List<DriverView> handle(FindAvailableDriversQuery query) {
        Set<String> busy = busy(DRIVER, query.tenantId(), query.window());
        return drivers.find(Filters.eq("tenantId", query.tenantId())).sort(Sorts.ascending("_id"))
                .map(FleetProjection::driver)
                .into(new ArrayList<>()).stream()
                .filter(d -> !busy.contains(d.id()))
                .toList();
    }

    @QueryHandler
    List<DriverView> handle(FindDriversQuery query) {
        Bson bureau = Filters.eq("tenantId", query.tenantId());
        return drivers.find(query.driverIds() == null ? bureau
                        : Filters.and(bureau, Filters.in("_id", query.driverIds())))
                .sort(Sorts.ascending("_id")).map(FleetProjection::driver).into(new ArrayList<>());
    }

    private static DriverView driver(Document d) {
        String licenceClass = d.getString("licenceClass");
        String validUntil = d.getString("licenceValidUntil");
        Number version = d.get("version", Number.class);
        return new DriverView(d.getString("_id"), d.getString("tenantId"),
                licenceClass == null ? null : DrivingLicenceClass.valueOf(licenceClass),
                validUntil == null ? null : LocalDate.parse(validUntil), version == null ? 0 : version.longValue());
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

    /** A trip started before its planned start holds the vehicle from then: the fences see it as covered. */
    @EventHandler
    void on(TripStartedEvent event) {
        reservations.updateMany(Filters.and(Filters.eq("tenantId", event.tenantId()), Filters.eq("orderId",
                event.orderId())), Updates.set("tripStartedAt", Date.from(event.startedAt())));
    }

    @QueryHandler
    VehicleReservations handle(FindVehicleReservationsQuery query) {
        Map<String, List<TimeWindow>> byVehicle = new HashMap<>();
        reservations.find(Filters.and(Filters.eq("tenantId", query.tenantId()), Filters.eq("kind", VEHICLE),
                        Filters.in("resourceId", query.vehicleIds())))
                .forEach(r -> {
                    Date start = r.getDate("start");
                    Date tripStartedAt = r.getDate("tripStartedAt");
                    Date from = tripStartedAt != null && tripStartedAt.before(start) ? tripStartedAt : start;
                    byVehicle.computeIfAbsent(r.getString("resourceId"), v -> new ArrayList<>())
                            .add(new TimeWindow(from.toInstant(), r.getDate("end").toInstant()));
                });
        return new VehicleReservations(byVehicle);
    }

    @QueryHandler
    List<VehicleView> handle(FindFleetQuery query) {
        return vehicles.find(Filters.eq("tenantId", query.tenantId())).sort(Sorts.ascending("plateNumber"))
                .map(FleetProjection::vehicle).into(new ArrayList<>());
    }

    private static List<Document> sealings(Document vehicle) {
        return vehicle.getList("sealings", Document.class, List.of());
    }

    private static VehicleView vehicle(Document d) {
        Document spot = d.get("parkingSpot", Document.class);
        VehicleView.Ledger ledger = new VehicleView.Ledger(
                d.getString("energyType") == null ? null : EnergyType.valueOf(d.getString("energyType")),
                d.get("purchasePriceFen", 0L),
                d.getString("purchaseDate") == null ? null : LocalDate.parse(d.getString("purchaseDate")),
                d.getString("owningUnitId"),
                spot == null ? null : new ParkingSpot(new GeoPoint(spot.getDouble("latitude"),
                        spot.getDouble("longitude")), spot.getInteger("radiusMetres")));
        List<VehicleView.Sealing> sealings = sealings(d).stream().map(sealing -> new VehicleView.Sealing(
                sealing.getString("_id"), new TimeWindow(sealing.getDate("start").toInstant(),
                sealing.getDate("end").toInstant()), sealing.getString("reason"), sealing.getString("liftReason")))
                .toList();
        return new VehicleView(d.getString("_id"), d.getString("tenantId"), d.getString("plateNumber"),
                CarClass.valueOf(d.getString("carClass")), d.getInteger("seats"), ledger, sealings,
                d.getBoolean("retired", false), d.get("version", 0L));
    }
}
