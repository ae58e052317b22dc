package cn.gov.jgsw.projections.telemetry;

import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.OdometerCheck;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.RaiseVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each ended trip's odometer distance against its track ({@link OdometerCheck}) and raises an alert on a
 * mismatch. What it needs of the order (vehicle, start) it keeps from the order's own events in {@code trip_checks},
 * so it never waits for another read model. The alert's id is derived from the vehicle and the trip's first fix, so a
 * replay raises nothing new.
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

    @EventHandler
    void on(TripEndedEvent event) {
        Document trip = trips.find(Filters.eq("_id", event.orderId())).first();
        if (trip == null || trip.getString("vehicleId") == null || trip.getDate("startedAt") == null) {
            return;
        }
        String vehicleId = trip.getString("vehicleId");
        Instant startedAt = trip.getDate("startedAt").toInstant();
        List<PositionFix> fixes = tracks.track(event.tenantId(), vehicleId, startedAt, event.endedAt().plusMillis(1));
        Optional<FenceRules.Alert> mismatch = OdometerCheck.judge(event.distanceKm(), fixes,
                Duration.between(startedAt, event.endedAt()));
        mismatch.ifPresent(alert -> {
            Caller check = new Caller("system-trip-check", event.tenantId(), null, Set.of(), "platform/trip-check");
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RaiseVehicleAlertCommand(
                            alert.caseIdFor(vehicleId), event.tenantId(), vehicleId, alert.rule(),
                            alert.rule().version(), alert.fixes(), alert.evidence()))
                    .andMetaData(CommandMetadata.of(check, null, null)));
        });
        trips.deleteOne(Filters.eq("_id", event.orderId()));
    }
}
