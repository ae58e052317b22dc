package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ErrorCode;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.ApproveVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CancelVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CorrectTripRecordCommand;
import cn.gov.jgsw.domain.vehicles.api.EndTripCommand;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.OrderVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.RecordRefuellingCommand;
import cn.gov.jgsw.domain.vehicles.api.RejectVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.ResubmitVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.ReturnVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.StartTripCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripRecordCorrectedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripRefuelledEvent;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovalIds;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderRejectedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderResubmittedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderReturnedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus.APPROVED;
import static cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus.AWAITING_APPROVAL;
import static cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus.DISPATCHED;
import static cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus.IN_TRIP;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A vehicle order (用车申请) from placement to completion:
 * AWAITING_APPROVAL → APPROVED, REJECTED or RETURNED → DISPATCHED → IN_TRIP → COMPLETED; a RETURNED order changed and
 * resubmitted awaits approval again; CANCELLED by the requester before dispatch. Every step is an event naming who took it; each refused step names its reason code.
 * <p>
 * Dispatch and the end of the trip also reserve and release the vehicle and the driver, so they are handled by
 * {@link VehicleDispatching}, which calls the package-private methods here in the same unit of work.
 */
@AggregateRoot
public class VehicleOrder {

    /** An order covers a trip, not a standing assignment. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(7);
    /** Tolerates the clock difference between phone, network and server when a trip is ordered "now". */
    static final Duration START_GRACE = Duration.ofMinutes(5);
    static final int MOST_PASSENGERS = 50;
    static final int LONGEST_PURPOSE = 200;
    static final int LONGEST_PLACE = 100;
    static final BigDecimal MOST_LITRES = BigDecimal.valueOf(200);
    static final long MOST_REFUELLING_FEN = 1_000_000L;
    /** A phone's clock may run this much ahead of the platform's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private static final Set<VehicleOrderStatus> CANCELLABLE = EnumSet.of(AWAITING_APPROVAL, APPROVED);

    @AggregateIdentifier
    private String orderId;
    private String tenantId;
    private String requesterId;
    private TimeWindow plannedWindow;
    private int passengerCount;
    /** How many times the order was put before the approvers: 1 when placed, one more for each resubmission. */
    private int submissions;
    private VehicleOrderStatus status;
    private String vehicleId;
    private String driverId;
    private long startOdometerKm;
    private Instant tripStartedAt;
    /** Where the trip's figures stand now in the order's history (its end, or its latest correction); -1 before. */
    private long currentTripRecord = -1;
    /** The ids of the refuellings recorded on the trip, so that a retried request records nothing more. */
    private final Set<String> refuellings = new HashSet<>();
    /**
     * Idempotency keys of the requests that changed this order, read back from the events' metadata. A request that
     * runs a second time (its first outcome was unknown, ADR 0002) answers the order as it is, instead of being
     * judged again against the state it caused itself.
     */
    private final Set<String> handledRequests = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected VehicleOrder() {
    }

    /**
     * Places the order. Created only if missing: the order id derives from the person's idempotency key, so an order
     * that exists already means the same request ran before (ADR 0002), and it answers as it did.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(OrderVehicleCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        if (orderId != null) {
            requireTenant(command.tenantId());
            if (handled(requestKey)) {
                return getVersion();
            }
            throw refused(VehicleErrorCode.INVALID_ORDER_TRANSITION, "order " + orderId + " exists");
        }
        Plan plan = checkedPlan(command.purpose(), command.origin(), command.destination(), command.plannedWindow(),
                command.passengerCount(), command.orderedAt());
        apply(new VehicleOrderedEvent(command.orderId(), command.tenantId(), command.requesterId(), command.unitId(),
                plan.purpose(), plan.origin(), plan.destination(), command.plannedWindow(), command.passengerCount(),
                command.carClass(), command.orderedAt()));
        return getVersion();
    }

    /** A returned order, changed, goes back to its approvers: checked like a new order, then a new submission. */
    @CommandHandler
    long handle(ResubmitVehicleOrderCommand command,
                @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        if (!requesterId.equals(command.requesterId())) {
            throw refused(VehicleErrorCode.NOT_THE_REQUESTER, "resubmit by " + command.requesterId());
        }
        requireStatus(EnumSet.of(VehicleOrderStatus.RETURNED), "resubmit");
        Plan plan = checkedPlan(command.purpose(), command.origin(), command.destination(), command.plannedWindow(),
                command.passengerCount(), command.resubmittedAt());
        apply(new VehicleOrderResubmittedEvent(orderId, tenantId, requesterId, submissions + 1, plan.purpose(),
                plan.origin(), plan.destination(), command.plannedWindow(), command.passengerCount(),
                command.carClass(), command.resubmittedAt()));
        return getVersion();
    }

    /** The texts of an order as kept. */
    private record Plan(String purpose, String origin, String destination) {
    }

    /** The rules an order meets when placed and when sent again. */
    private static Plan checkedPlan(String purpose, String origin, String destination, TimeWindow window,
                                    int passengerCount, Instant askedAt) {
        Plan plan = new Plan(requireText(purpose, LONGEST_PURPOSE, "purpose"),
                requireText(origin, LONGEST_PLACE, "origin"), requireText(destination, LONGEST_PLACE, "destination"));
        if (window == null || window.start() == null || window.end() == null || !window.end().isAfter(window.start())) {
            throw refused(VehicleErrorCode.END_BEFORE_START, "planned end not after planned start");
        }
        if (window.start().isBefore(askedAt.minus(START_GRACE))) {
            throw refused(VehicleErrorCode.PLANNED_START_IN_PAST, "planned start " + window.start());
        }
        if (Duration.between(window.start(), window.end()).compareTo(LONGEST_WINDOW) > 0) {
            throw refused(VehicleErrorCode.WINDOW_TOO_LONG, "window longer than " + LONGEST_WINDOW);
        }
        if (passengerCount < 1 || passengerCount > MOST_PASSENGERS) {
            throw refused(VehicleErrorCode.INVALID_PASSENGER_COUNT, "passengers " + passengerCount);
        }
        return plan;
    }

    @CommandHandler
    long handle(CancelVehicleOrderCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        if (!requesterId.equals(command.userId())) {
            throw refused(VehicleErrorCode.NOT_THE_REQUESTER, "cancel by " + command.userId());
        }
        requireStatus(CANCELLABLE, "cancel");
        String openApprovalId = status == AWAITING_APPROVAL ? VehicleOrderApprovalIds.of(orderId, submissions) : null;
        apply(new VehicleOrderCancelledEvent(orderId, tenantId, command.userId(),
                optionalText(command.reason(), LONGEST_PURPOSE, "reason"), openApprovalId));
        return getVersion();
    }

    @CommandHandler
    long handle(ApproveVehicleOrderCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(EnumSet.of(AWAITING_APPROVAL), "approve");
        refuseSelfApproval(command.approverId());
        apply(new VehicleOrderApprovedEvent(orderId, tenantId, command.approverId(),
                optionalText(command.comment(), LONGEST_PURPOSE, "comment")));
        return getVersion();
    }

    @CommandHandler
    long handle(ReturnVehicleOrderCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(EnumSet.of(AWAITING_APPROVAL), "return");
        refuseSelfApproval(command.approverId());
        String comment = optionalText(command.comment(), LONGEST_PURPOSE, "comment");
        if (comment == null) {
            throw refused(CommonErrorCode.REASON_REQUIRED, "return without comment");
        }
        apply(new VehicleOrderReturnedEvent(orderId, tenantId, command.approverId(), comment));
        return getVersion();
    }

    @CommandHandler
    long handle(RejectVehicleOrderCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(EnumSet.of(AWAITING_APPROVAL), "reject");
        refuseSelfApproval(command.approverId());
        String reason = optionalText(command.reason(), LONGEST_PURPOSE, "reason");
        if (reason == null) {
            throw refused(CommonErrorCode.REASON_REQUIRED, "rejection without reason");
        }
        apply(new VehicleOrderRejectedEvent(orderId, tenantId, command.approverId(), reason));
        return getVersion();
    }

    @CommandHandler
    long handle(StartTripCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(EnumSet.of(DISPATCHED), "start trip");
        requireAssignedDriver(command.driverId());
        if (command.odometerKm() < 0) {
            throw refused(VehicleErrorCode.INVALID_ODOMETER, "negative odometer");
        }
        apply(new TripStartedEvent(orderId, tenantId, command.driverId(), command.odometerKm(), command.startedAt()));
        return getVersion();
    }

    /**
     * Checked before the vehicle and driver are reserved, so that nothing is reserved for an order not approved.
     *
     * @return false if this very request (idempotency key) was already handled: nothing more to do
     */
    boolean requireDispatchable(String commandTenantId, String requestKey) {
        requireTenant(commandTenantId);
        if (handled(requestKey)) {
            return false;
        }
        requireStatus(EnumSet.of(APPROVED), "dispatch");
        return true;
    }

    void dispatch(String dispatcherId, String vehicleId, String driverId) {
        requireStatus(EnumSet.of(APPROVED), "dispatch");
        apply(new VehicleOrderDispatchedEvent(orderId, tenantId, dispatcherId, vehicleId, driverId, plannedWindow));
    }

    /** @return false if this very request (idempotency key) was already handled: nothing more to do */
    boolean endTrip(EndTripCommand command, String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return false;
        }
        requireStatus(EnumSet.of(IN_TRIP), "end trip");
        requireAssignedDriver(command.driverId());
        if (command.odometerKm() < startOdometerKm) {
            throw refused(VehicleErrorCode.INVALID_ODOMETER, "end odometer below start");
        }
        if (command.fuelLitres() == null || command.fuelLitres().signum() < 0 || command.tollsFen() < 0) {
            throw refused(VehicleErrorCode.INVALID_TRIP_COST, "negative fuel or tolls");
        }
        apply(new TripEndedEvent(orderId, tenantId, command.driverId(), command.odometerKm(),
                command.odometerKm() - startOdometerKm, command.fuelLitres().setScale(2, RoundingMode.HALF_UP),
                command.tollsFen(), command.endedAt()));
        apply(new VehicleOrderCompletedEvent(orderId, tenantId));
        return true;
    }

    /**
     * Checked before the supplier is read: the trip must be running, the caller its driver, the figures possible.
     *
     * @return false if this refuelling was recorded already (a retried request): nothing more to do
     */
    boolean requireRefuellable(RecordRefuellingCommand command) {
        requireTenant(command.tenantId());
        if (refuellings.contains(command.refuellingId())) {
            return false;
        }
        requireStatus(EnumSet.of(IN_TRIP), "record refuelling");
        requireAssignedDriver(command.driverId());
        BigDecimal litres = command.litres();
        Instant at = command.refuelledAt();
        if (litres == null || litres.signum() <= 0 || litres.compareTo(MOST_LITRES) > 0
                || command.amountFen() < 1 || command.amountFen() > MOST_REFUELLING_FEN
                || at == null || at.isBefore(tripStartedAt) || at.isAfter(command.recordedAt().plus(CLOCK_SKEW))) {
            throw refused(VehicleErrorCode.INVALID_REFUELLING, "refuelling " + litres + " l, " + command.amountFen()
                    + " fen at " + at);
        }
        return true;
    }

    void refuel(RecordRefuellingCommand command, GeoPoint station) {
        apply(new TripRefuelledEvent(orderId, tenantId, command.driverId(), vehicleId, command.refuellingId(),
                command.supplierId(), station, command.litres().setScale(2, RoundingMode.HALF_UP),
                command.amountFen(), command.refuelledAt()));
    }

    /** A correction of the completed trip's figures; the same request again answers as before. */
    @CommandHandler
    long handle(CorrectTripRecordCommand command,
                @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(EnumSet.of(VehicleOrderStatus.COMPLETED), "correct trip record");
        if (currentTripRecord < 0 || currentTripRecord != command.correctedSequence()) {
            throw refused(VehicleErrorCode.CORRECTION_NOT_CURRENT, "correction of #" + command.correctedSequence());
        }
        String reason = FreeText.optional(command.reason(), LONGEST_PURPOSE, VehicleErrorCode.INVALID_ORDER_TEXT,
                "reason");
        if (reason == null) {
            throw refused(CommonErrorCode.REASON_REQUIRED, "correction without a reason");
        }
        if (command.odometerKm() < startOdometerKm) {
            throw refused(VehicleErrorCode.INVALID_ODOMETER, "end odometer below start");
        }
        if (command.fuelLitres() == null || command.fuelLitres().signum() < 0 || command.tollsFen() < 0) {
            throw refused(VehicleErrorCode.INVALID_TRIP_COST, "negative fuel or tolls");
        }
        apply(new TripRecordCorrectedEvent(orderId, tenantId, command.correctorId(), command.correctedSequence(),
                command.odometerKm(), command.odometerKm() - startOdometerKm,
                command.fuelLitres().setScale(2, RoundingMode.HALF_UP), command.tollsFen(), reason));
        return getVersion();
    }

    String tenantId() {
        return tenantId;
    }

    TimeWindow plannedWindow() {
        return plannedWindow;
    }

    int passengerCount() {
        return passengerCount;
    }

    String vehicleId() {
        return vehicleId;
    }

    String driverId() {
        return driverId;
    }

    @EventSourcingHandler
    void on(VehicleOrderedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        orderId = event.orderId();
        tenantId = event.tenantId();
        requesterId = event.requesterId();
        plannedWindow = event.plannedWindow();
        passengerCount = event.passengerCount();
        submissions = 1;
        status = AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(VehicleOrderResubmittedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        plannedWindow = event.plannedWindow();
        passengerCount = event.passengerCount();
        submissions = event.submission();
        status = AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(VehicleOrderCancelledEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = VehicleOrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(VehicleOrderApprovedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = APPROVED;
    }

    @EventSourcingHandler
    void on(VehicleOrderReturnedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = VehicleOrderStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(VehicleOrderRejectedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = VehicleOrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(VehicleOrderDispatchedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = DISPATCHED;
        vehicleId = event.vehicleId();
        driverId = event.driverId();
    }

    @EventSourcingHandler
    void on(TripStartedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = IN_TRIP;
        startOdometerKm = event.odometerKm();
        tripStartedAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(TripEndedEvent event, @SequenceNumber long sequence) {
        currentTripRecord = sequence;
    }

    @EventSourcingHandler
    void on(TripRecordCorrectedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        currentTripRecord = sequence;
    }

    @EventSourcingHandler
    void on(TripRefuelledEvent event) {
        refuellings.add(event.refuellingId());
    }

    @EventSourcingHandler
    void on(VehicleOrderCompletedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = VehicleOrderStatus.COMPLETED;
    }

    /** True if a request with this idempotency key already changed this order. */
    private boolean handled(String requestKey) {
        return requestKey != null && handledRequests.contains(requestKey);
    }

    private void remember(String requestKey) {
        if (requestKey != null) {
            handledRequests.add(requestKey);
        }
    }

    /** Another bureau's order is answered exactly like one that does not exist. */
    private void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object (say, an order id given as a vehicle id) has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("vehicle order " + orderId + " not in tenant " + commandTenantId);
        }
    }

    private void requireStatus(Set<VehicleOrderStatus> allowed, String step) {
        if (!allowed.contains(status)) {
            throw refused(VehicleErrorCode.INVALID_ORDER_TRANSITION, step + " in status " + status);
        }
    }

    private void refuseSelfApproval(String approverId) {
        if (requesterId.equals(approverId)) {
            throw refused(VehicleErrorCode.SELF_APPROVAL, "approver is the requester");
        }
    }

    private void requireAssignedDriver(String callerId) {
        if (!driverId.equals(callerId)) {
            throw refused(VehicleErrorCode.NOT_THE_ASSIGNED_DRIVER, "driver " + callerId);
        }
    }

    private static String requireText(String value, int longest, String field) {
        return FreeText.required(value, longest, VehicleErrorCode.INVALID_ORDER_TEXT, field);
    }

    /** The text as {@link FreeText} keeps it, or null if blank. */
    private static String optionalText(String value, int longest, String field) {
        return FreeText.optional(value, longest, VehicleErrorCode.INVALID_ORDER_TEXT, field);
    }

    static BusinessRuleViolation refused(ErrorCode code, String logMessage) {
        return new BusinessRuleViolation(code, logMessage);
    }
}
