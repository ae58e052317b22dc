package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripRecordCorrectedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripRefuelledEvent;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovalIds;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderRejectedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderResubmittedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderReturnedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import cn.gov.jgsw.projections.paging.ListPositions;
import cn.gov.jgsw.projections.vehicles.api.FindFleetUsageQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrderQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrdersByIdQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrdersQuery;
import cn.gov.jgsw.projections.vehicles.api.RefuellingView;
import cn.gov.jgsw.projections.vehicles.api.TripView;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderList;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderPage;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import cn.gov.jgsw.projections.vehicles.api.VehicleUsage;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps {@code vehicle_orders}: one document per order. Every update is guarded by the order's event sequence number,
 * so replays and redeliveries change nothing. Indexes, tenant first, one per list:
 * {@code {tenantId, requesterId, orderedAt: -1, _id: -1}}, {@code {tenantId, status, plannedStart, _id}},
 * {@code {tenantId, driverId, status, plannedStart, _id}}.
 */
@Component
@ProcessingGroup(VehicleOrderProjection.PROCESSING_GROUP)
public class VehicleOrderProjection {

    public static final String PROCESSING_GROUP = "vehicle-orders";

    /** The read model's collection. */
    public static final String COLLECTION = "vehicle_orders";

    private final MongoCollection<Document> orders;

    /** Read in pages by its screens (my orders, the dispatcher's and the drivers' lists, the supervisors' pages). */
    @Bean
    static PagedCollection vehicleOrderProjectionPages() {
        return PagedCollection.of(COLLECTION);
    }

    public VehicleOrderProjection(MongoDatabase platformDatabase) {
        this.orders = platformDatabase.getCollection(COLLECTION);
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "requesterId"),
                Indexes.descending("orderedAt", "_id")));
        orders.createIndex(Indexes.ascending("tenantId", "status", "plannedStart", "_id"));
        orders.createIndex(Indexes.ascending("tenantId", "driverId", "status", "plannedStart", "_id"));
    }

    @EventHandler
    void on(VehicleOrderedEvent event, @SequenceNumber long sequence) {
        Document order = new Document("tenantId", event.tenantId())
                .append("requesterId", event.requesterId())
                .append("unitId", event.unitId())
                .append("purpose", event.purpose())
                .append("origin", event.origin())
                .append("destination", event.destination())
                .append("plannedStart", Date.from(event.plannedWindow().start()))
                .append("plannedEnd", Date.from(event.plannedWindow().end()))
                .append("passengerCount", event.passengerCount())
                .append("carClass", event.carClass() == null ? null : event.carClass().name())
                .append("status", VehicleOrderStatus.AWAITING_APPROVAL.name())
                .append("orderedAt", Date.from(event.orderedAt()))
                .append("approvalId", VehicleOrderApprovalIds.of(event.orderId(), 1))
                .append("version", sequence);
        orders.updateOne(Filters.eq("_id", event.orderId()), Updates.setOnInsert(order),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(VehicleOrderApprovedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.APPROVED),
                Updates.set("decidedBy", event.approverId()),
                Updates.set("decisionComment", event.comment())));
    }

    @EventHandler
    void on(VehicleOrderReturnedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.RETURNED),
                Updates.set("decidedBy", event.approverId()),
                Updates.set("decisionComment", event.comment())));
    }

    /** The order as changed, before its approvers again; the earlier return's comment stays with its approval. */
    @EventHandler
    void on(VehicleOrderResubmittedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.AWAITING_APPROVAL),
                Updates.set("purpose", event.purpose()),
                Updates.set("origin", event.origin()),
                Updates.set("destination", event.destination()),
                Updates.set("plannedStart", Date.from(event.plannedWindow().start())),
                Updates.set("plannedEnd", Date.from(event.plannedWindow().end())),
                Updates.set("passengerCount", event.passengerCount()),
                Updates.set("carClass", event.carClass() == null ? null : event.carClass().name()),
                Updates.set("approvalId", VehicleOrderApprovalIds.of(event.orderId(), event.submission())),
                Updates.unset("decidedBy"),
                Updates.unset("decisionComment")));
    }

    @EventHandler
    void on(VehicleOrderRejectedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.REJECTED),
                Updates.set("decidedBy", event.approverId()),
                Updates.set("decisionComment", event.reason())));
    }

    @EventHandler
    void on(VehicleOrderCancelledEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.CANCELLED),
                Updates.set("cancellationReason", event.reason())));
    }

    @EventHandler
    void on(VehicleOrderDispatchedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.DISPATCHED),
                Updates.set("dispatcherId", event.dispatcherId()),
                Updates.set("vehicleId", event.vehicleId()),
                Updates.set("driverId", event.driverId())));
    }

    @EventHandler
    void on(TripStartedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                status(VehicleOrderStatus.IN_TRIP),
                Updates.set("trip", new Document("startOdometerKm", event.odometerKm())
                        .append("startedAt", Date.from(event.startedAt())))));
    }

    @EventHandler
    void on(TripEndedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                Updates.set("trip.recordSequence", sequence),
                Updates.set("trip.endOdometerKm", event.odometerKm()),
                Updates.set("trip.distanceKm", event.distanceKm()),
                Updates.set("trip.fuelLitres", event.fuelLitres().toPlainString()),
                Updates.set("trip.tollsFen", event.tollsFen()),
                Updates.set("trip.endedAt", Date.from(event.endedAt()))));
    }

    /** The corrected figures replace the trip's; the correction itself is kept beside them. */
    @EventHandler
    void on(TripRecordCorrectedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.combine(
                Updates.set("trip.endOdometerKm", event.odometerKm()),
                Updates.set("trip.distanceKm", event.distanceKm()),
                Updates.set("trip.fuelLitres", event.fuelLitres().toPlainString()),
                Updates.set("trip.tollsFen", event.tollsFen()),
                Updates.set("trip.recordSequence", sequence),
                Updates.push("trip.corrections", new Document("sequence", sequence)
                        .append("correctedSequence", event.correctedSequence())
                        .append("reason", event.reason())
                        .append("correctorId", event.correctorId()))));
    }

    @EventHandler
    void on(TripRefuelledEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, Updates.push("trip.refuellings",
                new Document("_id", event.refuellingId())
                        .append("supplierId", event.supplierId())
                        .append("litres", event.litres().toPlainString())
                        .append("amountFen", event.amountFen())
                        .append("refuelledAt", Date.from(event.refuelledAt()))));
    }

    @EventHandler
    void on(VehicleOrderCompletedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.orderId(), sequence, status(VehicleOrderStatus.COMPLETED));
    }

    @QueryHandler
    Optional<VehicleOrderView> handle(FindVehicleOrderQuery query) {
        return Optional.ofNullable(TenantDocuments.find(orders, query.tenantId(), query.orderId()))
                .map(VehicleOrderProjection::view);
    }

    @QueryHandler
    List<VehicleOrderView> handle(FindVehicleOrdersByIdQuery query) {
        return orders.find(Filters.and(Filters.eq("tenantId", query.tenantId()), Filters.in("_id", query.orderIds())))
                .map(VehicleOrderProjection::view).into(new ArrayList<>());
    }

    @QueryHandler
    VehicleOrderPage handle(FindVehicleOrdersQuery query) {
        VehicleOrderList list = query.list();
        boolean newestFirst = list.newestFirst();
        String sortField = newestFirst ? "orderedAt" : "plannedStart";
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenantId", query.tenantId()));
        switch (list) {
            case PLACED_BY -> filters.add(Filters.eq("requesterId", query.personId()));
            case APPROVED -> filters.add(Filters.eq("status", VehicleOrderStatus.APPROVED.name()));
            case ASSIGNED_TO -> {
                filters.add(Filters.eq("driverId", query.personId()));
                filters.add(Filters.in("status", VehicleOrderStatus.DISPATCHED.name(), VehicleOrderStatus.IN_TRIP.name()));
            }
            case OF_BUREAU -> {
            }
        }
        if (query.afterPosition() != null) {
            filters.add(ListPositions.after(query.afterPosition(), sortField, newestFirst));
        }
        Bson sort = newestFirst ? Sorts.descending(sortField, "_id") : Sorts.ascending(sortField, "_id");
        List<VehicleOrderView> found = orders.find(Filters.and(filters)).sort(sort).limit(query.limit() + 1)
                .map(VehicleOrderProjection::view).into(new ArrayList<>());
        boolean hasMore = found.size() > query.limit();
        return new VehicleOrderPage(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    private void update(String tenantId, String orderId, long sequence, Bson changes) {
        TenantDocuments.updateIfOlder(orders, tenantId, orderId, sequence,
                Updates.combine(changes, Updates.set("version", sequence)));
    }

    private static Bson status(VehicleOrderStatus status) {
        return Updates.set("status", status.name());
    }

    /**
     * Sums the completed trips per vehicle. Reads the bureau's completed orders of the period; on real MongoDB the
     * list index {@code {tenantId, status, plannedStart, _id}} narrows it, on the embedded server it is a scan, which a
     * report run now and then can afford.
     */
    @QueryHandler
    List<VehicleUsage> handle(FindFleetUsageQuery query) {
        Map<String, VehicleUsage> byVehicle = new TreeMap<>();
        orders.find(Filters.and(Filters.eq("tenantId", query.tenantId()),
                        Filters.eq("status", VehicleOrderStatus.COMPLETED.name()),
                        Filters.gte("trip.endedAt", Date.from(query.from())),
                        Filters.lt("trip.endedAt", Date.from(query.to()))))
                .forEach(order -> {
                    TripView trip = trip(order.get("trip", Document.class));
                    VehicleUsage one = new VehicleUsage(order.getString("vehicleId"), 1,
                            Duration.between(trip.startedAt(), trip.endedAt()).toMinutes(),
                            trip.distanceKm() == null ? 0 : trip.distanceKm(), new BigDecimal(trip.fuelLitres()),
                            trip.tollsFen() == null ? 0 : trip.tollsFen(), trip.fuelCostFen());
                    byVehicle.merge(one.vehicleId(), one, VehicleUsage::plus);
                });
        return List.copyOf(byVehicle.values());
    }

    private static TripView trip(Document trip) {
        List<RefuellingView> refuellings = trip.getList("refuellings", Document.class, List.of()).stream()
                .map(r -> new RefuellingView(r.getString("_id"), r.getString("supplierId"), r.getString("litres"),
                        r.get("amountFen", Number.class).longValue(), instant(r.getDate("refuelledAt"))))
                .sorted(Comparator.comparing(RefuellingView::refuelledAt))
                .toList();
        List<TripView.Correction> corrections = trip.getList("corrections", Document.class, List.of()).stream()
                .map(c -> new TripView.Correction(c.get("sequence", Number.class).longValue(),
                        c.get("correctedSequence", Number.class).longValue(), c.getString("reason"),
                        c.getString("correctorId")))
                .toList();
        Number recordSequence = trip.get("recordSequence", Number.class);
        return new TripView(trip.getLong("startOdometerKm"), instant(trip.getDate("startedAt")),
                trip.getLong("endOdometerKm"), trip.getLong("distanceKm"), trip.getString("fuelLitres"),
                trip.getLong("tollsFen"), instant(trip.getDate("endedAt")), refuellings,
                recordSequence == null ? null : recordSequence.longValue(), corrections);
    }

    private static VehicleOrderView view(Document d) {
        Document trip = d.get("trip", Document.class);
        TripView tripView = trip == null ? null : trip(trip);
        return new VehicleOrderView(d.getString("_id"), d.getString("tenantId"), d.getString("requesterId"),
                d.getString("unitId"), d.getString("purpose"), d.getString("origin"), d.getString("destination"),
                instant(d.getDate("plannedStart")), instant(d.getDate("plannedEnd")), d.getInteger("passengerCount"),
                d.getString("carClass") == null ? null : CarClass.valueOf(d.getString("carClass")),
                VehicleOrderStatus.valueOf(d.getString("status")), instant(d.getDate("orderedAt")),
                d.getString("decidedBy"), d.getString("decisionComment"), d.getString("cancellationReason"),
                d.getString("dispatcherId"), d.getString("vehicleId"), d.getString("driverId"), tripView,
                d.getString("approvalId"), d.getLong("version"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
