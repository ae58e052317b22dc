package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.OdometerCheck;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.RaiseVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.RefuellingCheck;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripRefuelledEvent;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks each ended trip's odometer distance against its track ({@link OdometerCheck}) and each of its refuellings
 * against where the car was ({@link RefuellingCheck}), and raises an alert for each finding. Judged at the trip's end,
 * when the terminal has had the whole trip to deliver its positions. What it needs of the order (vehicle, start,
 * refuellings) it keeps from the order's own events in {@code trip_checks}, so it never waits for another read model.
 * An alert's id is derived from the vehicle and its first fix, so a replay raises nothing new.
 */
@Component
@ProcessingGroup(TripChecks.PROCESSING_GROUP)
public class TripChecks {

    public static final String PROCESSING_GROUP = "trip-checks";

    private final MongoCollection<Document> trips;
    private final VehicleTracks tracks;
    private final CommandGateway commands;

    public TripChecks(MongoDatabase platformDatabase, VehicleTracks tracks, CommandGateway commands) {
        this.trips = platformDatabase.getCollection("trip_checks");
        this.tracks = tracks;
        this.commands = commands;
    }

    @EventHandler
    void on(VehicleOrderDispatchedEvent event) {
        trips.updateOne(Filters.eq("_id", event.orderId()), Updates.combine(
                Updates.set("tenantId", event.tenantId()), Updates.set("vehicleId", event.vehicleId())),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(TripStartedEvent event) {
        trips.updateOne(Filters.eq("_id", event.orderId()), Updates.combine(
                Updates.set("tenantId", event.tenantId()), Updates.set("startedAt", Date.from(event.startedAt()))),
                new UpdateOptions().upsert(true));
    }

    /** Kept whole, so that the refuelling is judged at the trip's end against the track as it is by then. */
    @EventHandler
    void on(TripRefuelledEvent event) {
        trips.updateOne(Filters.eq("_id", event.orderId()), Updates.combine(
                        Updates.set("tenantId", event.tenantId()),
                        Updates.addToSet("refuellings", new Document("_id", event.refuellingId())
                                .append("supplierId", event.supplierId())
                                .append("latitude", event.station().latitude())
                                .append("longitude", event.station().longitude())
                                .append("litres", event.litres().toPlainString())
                                .append("amountFen", event.amountFen())
                                .append("refuelledAt", Date.from(event.refuelledAt())))),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(TripEndedEvent event) {
        Document trip = trips.find(Filters.eq("_id", event.orderId())).first();
        if (trip == null || trip.getString("vehicleId") == null || trip.getDate("startedAt") == null) {
            return;
        }
        String vehicleId = trip.getString("vehicleId");
        Instant startedAt = trip.getDate("startedAt").toInstant();
        List<PositionFix> fixes = tracks.track(event.tenantId(), vehicleId, startedAt, event.endedAt().plusMillis(1));
        List<FenceRules.Alert> alerts = new ArrayList<>();
        OdometerCheck.judge(event.distanceKm(), fixes, Duration.between(startedAt, event.endedAt()))
                .ifPresent(alerts::add);
        for (TripRefuelledEvent refuelling : refuellings(trip, event, vehicleId)) {
            // The track around a refuelling may reach before the trip's start, so it is read for itself.
            List<PositionFix> around = tracks.track(event.tenantId(), vehicleId,
                    refuelling.refuelledAt().minus(RefuellingCheck.window()),
                    refuelling.refuelledAt().plus(RefuellingCheck.window()).plusMillis(1));
            RefuellingCheck.judge(refuelling, around).ifPresent(alerts::add);
        }
        Caller check = new Caller("system-trip-check", event.tenantId(), null, Set.of(), "platform/trip-check");
        for (FenceRules.Alert alert : alerts) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RaiseVehicleAlertCommand(
                            alert.caseIdFor(vehicleId), event.tenantId(), vehicleId, alert.rule(),
                            alert.rule().version(), alert.fixes(), alert.evidence()))
                    .andMetaData(CommandMetadata.of(check, null, null)));
        }
        trips.deleteOne(Filters.eq("_id", event.orderId()));
    }

    private static List<TripRefuelledEvent> refuellings(Document trip, TripEndedEvent end, String vehicleId) {
        List<TripRefuelledEvent> refuellings = new ArrayList<>();
        trip.getList("refuellings", Document.class, List.of()).forEach(r -> {
            refuellings.add(new TripRefuelledEvent(end.orderId(), end.tenantId(), end.driverId(), vehicleId,
                    r.getString("_id"),
                    r.getString("supplierId"), new GeoPoint(r.getDouble("latitude"), r.getDouble("longitude")),
                    new BigDecimal(r.getString("litres")), r.get("amountFen", Number.class).longValue(),
                    r.getDate("refuelledAt").toInstant()));
        });
        return refuellings;
    }
}
