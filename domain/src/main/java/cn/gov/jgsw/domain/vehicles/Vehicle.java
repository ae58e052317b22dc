package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.RegisterVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.RetireVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.SealVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.UnsealVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRetiredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleSealedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleUnsealedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A vehicle of the bureau's fleet ledger (公务车辆台账) and the periods it is promised to orders. It may be sealed for
 * periods (节假日封存), during which it is not dispatched, and retired (报废/处置), after which it never is.
 */
@AggregateRoot
public class Vehicle {

    static final int MOST_SEATS = 60;
    static final int LONGEST_PLATE = 16;
    static final long HIGHEST_PRICE_FEN = 1_000_000_000L;
    static final LocalDate EARLIEST_PURCHASE = LocalDate.of(1990, 1, 1);
    static final Duration LONGEST_SEALING = Duration.ofDays(30);

    @AggregateIdentifier
    private String vehicleId;
    private String tenantId;
    private int seats;
    /** Null for vehicles registered before the ledger recorded it. */
    private EnergyType energyType;
    /** The idempotency key of the request that registered it, so that a retry answers as the first run did. */
    private String registeredBy;
    private boolean retired;
    /** Sealing id → the period it covers, shortened when lifted early. */
    private final Map<String, TimeWindow> sealings = new HashMap<>();
    private final Reservations reservations = new Reservations();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected Vehicle() {
    }

    /**
     * Puts the vehicle on the ledger. Created only if missing: its id derives from the admin's idempotency key, so a
     * vehicle that exists already means the same request ran before (ADR 0002), and it answers as it did.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterVehicleCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        if (vehicleId != null) {
            requireTenant(command.tenantId());
            if (requestKey != null && requestKey.equals(registeredBy)) {
                return getVersion();
            }
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_VEHICLE, "vehicle " + vehicleId + " exists");
        }
        FreeText.Checked plate = FreeText.check(command.plateNumber(), LONGEST_PLATE);
        LocalDate today = command.registeredAt().atZone(WorkingDays.CHINA).toLocalDate();
        boolean invalid = plate.refused() || plate.blank()
                || command.seats() < 1 || command.seats() > MOST_SEATS || command.carClass() == null
                || command.energyType() == null
                || command.purchasePriceFen() < 1 || command.purchasePriceFen() > HIGHEST_PRICE_FEN
                || command.purchaseDate() == null || command.purchaseDate().isBefore(EARLIEST_PURCHASE)
                || command.purchaseDate().isAfter(today)
                || command.parkingSpot() == null || !command.parkingSpot().valid();
        if (invalid) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_VEHICLE, "invalid vehicle " + command.vehicleId());
        }
        apply(new VehicleRegisteredEvent(command.vehicleId(), command.tenantId(), plate.text(),
                command.carClass(), command.seats(), command.energyType(), command.purchasePriceFen(),
                command.purchaseDate(), command.owningUnitId(), command.parkingSpot()));
        return getVersion();
    }

    /** Sealing the same period again with the same id answers as before: a retried request. */
    @CommandHandler
    long handle(SealVehicleCommand command) {
        requireTenant(command.tenantId());
        if (sealings.containsKey(command.sealId())) {
            return getVersion();
        }
        requireInService();
        TimeWindow period = command.period();
        if (period == null || period.start() == null || period.end() == null || !period.end().isAfter(period.start())
                || Duration.between(period.start(), period.end()).compareTo(LONGEST_SEALING) > 0
                || command.requestedAt() == null || !period.end().isAfter(command.requestedAt())) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_SEALING, "period " + period);
        }
        String reason = Reasons.required(command.reason(), VehicleErrorCode.INVALID_SEALING);
        if (reservations.conflictWith(null, period)) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_DOUBLE_BOOKED, "sealing over a reservation");
        }
        apply(new VehicleSealedEvent(vehicleId, tenantId, command.sealId(), period, reason));
        return getVersion();
    }

    @CommandHandler
    long handle(UnsealVehicleCommand command) {
        requireTenant(command.tenantId());
        TimeWindow period = sealings.get(command.sealId());
        if (period == null) {
            throw new ObjectNotFoundException("sealing " + command.sealId() + " of vehicle " + vehicleId);
        }
        if (!period.end().isAfter(command.liftedAt())) {
            return getVersion();
        }
        String reason = Reasons.required(command.reason(), VehicleErrorCode.INVALID_SEALING);
        apply(new VehicleUnsealedEvent(vehicleId, tenantId, command.sealId(), command.liftedAt(), reason));
        return getVersion();
    }

    @CommandHandler
    long handle(RetireVehicleCommand command) {
        requireTenant(command.tenantId());
        if (retired) {
            return getVersion();
        }
        String reason = Reasons.required(command.reason(), VehicleErrorCode.INVALID_VEHICLE);
        if (!reservations.isEmpty()) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_STILL_RESERVED, "vehicle " + vehicleId);
        }
        apply(new VehicleRetiredEvent(vehicleId, tenantId, reason));
        return getVersion();
    }

    private void requireInService() {
        if (retired) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_RETIRED, "vehicle " + vehicleId);
        }
    }

    void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object (say, an order id given as a vehicle id) has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("vehicle " + vehicleId + " not in tenant " + commandTenantId);
        }
    }

    void reserve(String orderId, TimeWindow window, int passengerCount) {
        requireInService();
        if (sealings.values().stream().anyMatch(sealed -> sealed.overlaps(window))) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_SEALED, "vehicle " + vehicleId + " sealed");
        }
        if (seats < passengerCount) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_TOO_SMALL, seats + " seats for " + passengerCount);
        }
        if (reservations.conflictWith(orderId, window)) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_DOUBLE_BOOKED, "vehicle " + vehicleId + " taken");
        }
        apply(new VehicleReservedEvent(vehicleId, tenantId, orderId, window));
    }

    int seats() {
        return seats;
    }

    EnergyType energyType() {
        return energyType;
    }

    void release(String orderId) {
        if (reservations.holds(orderId)) {
            apply(new VehicleReleasedEvent(vehicleId, tenantId, orderId));
        }
    }

    @EventSourcingHandler
    void on(VehicleRegisteredEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        registeredBy = requestKey;
        vehicleId = event.vehicleId();
        tenantId = event.tenantId();
        seats = event.seats();
        energyType = event.energyType();
    }

    @EventSourcingHandler
    void on(VehicleSealedEvent event) {
        sealings.put(event.sealId(), event.period());
    }

    @EventSourcingHandler
    void on(VehicleUnsealedEvent event) {
        TimeWindow period = sealings.get(event.sealId());
        Instant end = event.liftedAt().isAfter(period.start()) ? event.liftedAt() : period.start();
        sealings.put(event.sealId(), new TimeWindow(period.start(), end));
    }

    @EventSourcingHandler
    void on(VehicleRetiredEvent event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(VehicleReservedEvent event) {
        reservations.reserve(event.orderId(), event.window());
    }

    @EventSourcingHandler
    void on(VehicleReleasedEvent event) {
        reservations.release(event.orderId());
    }
}
