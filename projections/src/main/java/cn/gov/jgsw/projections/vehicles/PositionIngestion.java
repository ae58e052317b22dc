package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.RaiseVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.ServiceArea;
import cn.gov.jgsw.domain.vehicles.api.TelemetryErrorCode;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleReservationsQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleReservations;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import cn.gov.jgsw.projections.vehicles.api.FindServiceAreaQuery;
import cn.gov.jgsw.projections.vehicles.api.IngestionReceipt;
import cn.gov.jgsw.projections.vehicles.api.PositionIntake;
import cn.gov.jgsw.projections.vehicles.api.RefusedBatch;
import cn.gov.jgsw.projections.vehicles.api.ReportedPosition;
import cn.gov.jgsw.projections.vehicles.api.ServiceAreaView;
import cn.gov.jgsw.projections.calendar.api.FindWorkCalendarsQuery;
import cn.gov.jgsw.projections.calendar.api.WorkCalendarsView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes a batch of positions from a bureau's integration client (GPS/Beidou gateway): checks every position, keeps
 * the batch whole or refuses it whole ({@link RefusedBatch}, nothing kept), writes the fixes to the tracks (a moment
 * kept before is not written again), and puts the new fixes through the fences ({@link FenceRules}), raising an alert
 * for each excursion they find. The alert commands carry the client as the actor.
 */
@Component
public class PositionIngestion implements PositionIntake {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    static final double HIGHEST_SPEED_KMH = 250;
    static final double POOREST_ACCURACY_METRES = 10_000;

    private final VehicleTracks tracks;
    private final FenceWatches watches;
    private final TrackRetention retention;
    private final LastPositionStore lastPositions;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public PositionIngestion(VehicleTracks tracks, FenceWatches watches, TrackRetention retention,
                             LastPositionStore lastPositions, QueryGateway queries, CommandGateway commands,
                             Clock clock) {
        this.lastPositions = lastPositions;
        this.tracks = tracks;
        this.watches = watches;
        this.retention = retention;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public IngestionReceipt ingest(String tenantId, String clientId, List<ReportedPosition> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > LARGEST_BATCH) {
            throw new RefusedBatch(TelemetryErrorCode.BATCH_TOO_LARGE, List.of());
        }
        Instant now = clock.instant();
        Set<String> vehicleIds = batch.stream().filter(Objects::nonNull).map(ReportedPosition::vehicleId)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, VehicleView> vehicles = queries.query(new FindVehiclesQuery(tenantId, vehicleIds),
                        ResponseTypes.multipleInstancesOf(VehicleView.class)).join().stream()
                .collect(Collectors.toMap(VehicleView::id, Function.identity()));
        Instant oldest = now.minus(retention.of(tenantId));
        List<RefusedBatch.Problem> problems = new ArrayList<>();
        Map<String, List<PositionFix>> byVehicle = new LinkedHashMap<>();
        for (int index = 0; index < batch.size(); index++) {
            ReportedPosition position = batch.get(index);
            TelemetryErrorCode problem = problemOf(position, vehicles, now, oldest);
            if (problem != null) {
                problems.add(new RefusedBatch.Problem(index, problem));
            } else {
                // Tracks keep a moment in milliseconds; the fences must judge the moment that is kept.
                byVehicle.computeIfAbsent(position.vehicleId(), v -> new ArrayList<>()).add(new PositionFix(
                        position.time().truncatedTo(ChronoUnit.MILLIS), new GeoPoint(position.latitude(), position.longitude()),
                        position.speedKmh(), position.accuracyMetres()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedBatch(TelemetryErrorCode.INVALID_POSITIONS, problems);
        }
        Map<String, FenceRules.Watch> watched = watches.load(tenantId, byVehicle.keySet());
        Map<String, Instant> newestKept = new HashMap<>();
        watched.forEach((vehicleId, watch) -> {
            if (watch.lastFixAt() != null) {
                newestKept.put(vehicleId, watch.lastFixAt());
            }
        });
        Map<String, List<PositionFix>> fresh = tracks.store(tenantId, byVehicle, newestKept, now);
        Map<String, PositionFix> newest = new HashMap<>();
        fresh.forEach((vehicleId, fixes) -> newest.put(vehicleId, fixes.get(fixes.size() - 1)));
        lastPositions.advance(tenantId, newest);
        int accepted = fresh.values().stream().mapToInt(List::size).sum();
        Fenced fenced = fence(tenantId, clientId, vehicles, fresh, watched);
        return new IngestionReceipt(accepted, batch.size() - accepted, fenced.late(), fenced.alerts());
    }

    private record Fenced(int late, int alerts) {
    }

    private Fenced fence(String tenantId, String clientId, Map<String, VehicleView> vehicles,
                         Map<String, List<PositionFix>> fresh, Map<String, FenceRules.Watch> before) {
        if (fresh.isEmpty()) {
            return new Fenced(0, 0);
        }
        WorkCalendarsView calendars = queries.query(new FindWorkCalendarsQuery(tenantId),
                WorkCalendarsView.class).join();
        VehicleReservations reservations = queries.query(new FindVehicleReservationsQuery(tenantId, fresh.keySet()),
                VehicleReservations.class).join();
        ServiceArea area = queries.query(new FindServiceAreaQuery(tenantId), ServiceAreaView.class).join().area();
        Map<String, FenceRules.Watch> after = new HashMap<>();
        List<RaiseVehicleAlertCommand> alerts = new ArrayList<>();
        int late = 0;
        for (Map.Entry<String, List<PositionFix>> entry : fresh.entrySet()) {
            String vehicleId = entry.getKey();
            VehicleView vehicle = vehicles.get(vehicleId);
            FenceRules.VehicleContext context = new FenceRules.VehicleContext(vehicle.ledger().parkingSpot(),
                    vehicle.sealings().stream().map(VehicleView.Sealing::period).toList(),
                    reservations.of(vehicleId), area);
            FenceRules.Outcome outcome = FenceRules.watch(context, calendars.workingDays(),
                    before.getOrDefault(vehicleId, FenceRules.Watch.FRESH), entry.getValue());
            after.put(vehicleId, outcome.watch());
            late += outcome.late();
            outcome.alerts().forEach(alert -> alerts.add(new RaiseVehicleAlertCommand(alert.caseIdFor(vehicleId),
                    tenantId, vehicleId, alert.rule(), alert.rule().version(), alert.fixes(), alert.evidence())));
        }
        // The alerts first: should raising fail, the watches stay as they were and the next batch judges again.
        Caller gateway = new Caller(clientId, tenantId, null, Set.of(), "integration/" + clientId);
        for (RaiseVehicleAlertCommand alert : alerts) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(alert)
                    .andMetaData(CommandMetadata.of(gateway, null, null)));
        }
        watches.save(tenantId, after);
        return new Fenced(late, alerts.size());
    }

    private static TelemetryErrorCode problemOf(ReportedPosition position, Map<String, VehicleView> vehicles,
                                                Instant now, Instant oldest) {
        if (position == null || position.vehicleId() == null || !vehicles.containsKey(position.vehicleId())) {
            return TelemetryErrorCode.UNKNOWN_VEHICLE;
        }
        if (position.latitude() == null || position.longitude() == null
                || !new GeoPoint(position.latitude(), position.longitude()).possible()) {
            return TelemetryErrorCode.IMPOSSIBLE_COORDINATES;
        }
        boolean badSpeed = position.speedKmh() != null
                && !(position.speedKmh() >= 0 && position.speedKmh() <= HIGHEST_SPEED_KMH);
        boolean badAccuracy = position.accuracyMetres() == null
                || !(position.accuracyMetres() >= 0 && position.accuracyMetres() <= POOREST_ACCURACY_METRES);
        if (position.time() == null || badSpeed || badAccuracy) {
            return TelemetryErrorCode.INVALID_POSITION;
        }
        if (position.time().isAfter(now.plus(CLOCK_SKEW))) {
            return TelemetryErrorCode.POSITION_IN_FUTURE;
        }
        if (position.time().isBefore(oldest)) {
            return TelemetryErrorCode.POSITION_TOO_OLD;
        }
        return null;
    }
}
