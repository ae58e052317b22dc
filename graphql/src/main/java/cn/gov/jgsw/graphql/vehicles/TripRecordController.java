package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.graphql.audit.PurposeBoundReads;
import cn.gov.jgsw.graphql.audit.SupervisorScope;
import cn.gov.jgsw.projections.vehicles.api.FindTrackQuery;
import cn.gov.jgsw.projections.vehicles.api.TrackView;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrderQuery;
import cn.gov.jgsw.projections.vehicles.api.TripView;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The trip record (派车单) of an order, with the distance its positions cover, for whoever may see the order; and the
 * trip's track itself, a purpose-bound read (PIPL Art. 28) for the requester, an approver of the bureau, or a
 * supervisor above.
 */
@Controller
public class TripRecordController {

    private final QueryGateway queries;
    private final SupervisorScope supervisorScope;
    private final PurposeBoundReads purposeBoundReads;
    private final Clock clock;

    public TripRecordController(QueryGateway queries, SupervisorScope supervisorScope,
                                PurposeBoundReads purposeBoundReads, Clock clock) {
        this.queries = queries;
        this.supervisorScope = supervisorScope;
        this.purposeBoundReads = purposeBoundReads;
        this.clock = clock;
    }

    /** The slip as the SDL shows it. */
    public record TripRecord(Instant startedAt, Instant endedAt, Long durationMinutes, Long odometerDistanceKm,
                             double gpsDistanceKm, int positionCount, Double fuelLitres, Long tollsFen,
                             List<RefuellingLine> refuellings, long fuelCostFen, long costFen, Long recordSequence,
                             List<CorrectionLine> corrections) {
    }

    /** A correction as the SDL shows it. */
    public record CorrectionLine(long sequence, long correctedSequence, String reason, String correctedBy) {
    }

    /** A refuelling as the SDL shows it; the bureau is kept to find its supplier. */
    public record RefuellingLine(String id, String tenantId, String supplierId, double litres, long amountFen,
                                 Instant refuelledAt) {
    }

    /** A trip's track as the SDL shows it. */
    public record OrderTrack(String orderId, List<PositionFix> fixes, double gpsDistanceKm) {
    }

    @SchemaMapping(typeName = "VehicleOrder")
    public TripRecord tripRecord(VehicleOrderView order) {
        TripView trip = order.trip();
        if (trip == null) {
            return null;
        }
        TrackView track = track(order);
        return new TripRecord(trip.startedAt(), trip.endedAt(),
                trip.endedAt() == null ? null : Duration.between(trip.startedAt(), trip.endedAt()).toMinutes(),
                trip.distanceKm(), kilometres(track), track.fixes().size(),
                trip.fuelLitres() == null ? null : Double.valueOf(trip.fuelLitres()), trip.tollsFen(),
                trip.refuellings().stream().map(r -> new RefuellingLine(r.id(), order.tenantId(), r.supplierId(),
                        Double.parseDouble(r.litres()), r.amountFen(), r.refuelledAt())).toList(),
                trip.fuelCostFen(), trip.costFen(), trip.recordSequence(), trip.corrections().stream()
                .map(c -> new CorrectionLine(c.sequence(), c.correctedSequence(), c.reason(), c.correctorId()))
                .toList());
    }

    @QueryMapping
    public OrderTrack vehicleOrderTrack(@Argument String orderId, @Argument String bureauId,
                                        @Argument String purpose,
                                        Caller caller) {
        String tenantId = bureauId == null ? caller.tenantId() : bureauId;
        boolean supervising = caller.hasRole(Role.SUPERVISOR);
        if (supervising) {
            supervisorScope.requireSupervised(caller, tenantId);
        } else if (!tenantId.equals(caller.tenantId())) {
            throw new ObjectNotFoundException("bureau " + bureauId);
        }
        VehicleOrderView order = queries.query(new FindVehicleOrderQuery(tenantId, orderId),
                        ResponseTypes.optionalInstanceOf(VehicleOrderView.class)).join()
                .filter(found -> supervising || found.requesterId().equals(caller.userId())
                        || caller.hasRole(Role.APPROVER))
                .orElseThrow(() -> new ObjectNotFoundException("vehicle order " + orderId));
        purposeBoundReads.record(caller, "track of vehicle order " + orderId + " of " + tenantId, purpose);
        if (order.trip() == null) {
            return new OrderTrack(orderId, List.of(), 0);
        }
        TrackView track = track(order);
        return new OrderTrack(orderId, track.fixes(), kilometres(track));
    }

    private TrackView track(VehicleOrderView order) {
        TripView trip = order.trip();
        Instant end = trip.endedAt() == null ? clock.instant() : trip.endedAt();
        return queries.query(new FindTrackQuery(order.tenantId(), order.vehicleId(), trip.startedAt(),
                end.plusMillis(1)), TrackView.class).join();
    }

    private static double kilometres(TrackView track) {
        return Math.round(track.distanceMetres()) / 1000.0;
    }
}
