package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
import cn.gov.jgsw.domain.vehicles.api.DriverLicenceRecordedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicence;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.RecordDriverLicenceCommand;
import cn.gov.jgsw.domain.vehicles.api.RegisterDriverCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A driver of the bureau's fleet (驾驶员), named by the person's user id (the aggregate's own identifier is derived
 * from it, {@link DriverIds}), the licence on record and the periods promised to orders. A dispatch checks the licence:
 * its class must permit the vehicle and it must be valid until the trip's planned end. The person's name and other
 * details stay in the person's erasable record, never in these events.
 */
@AggregateRoot
public class Driver {

    /** A licence claiming validity longer than this is a typing error (Chinese licences run 6 or 10 years, or 长期). */
    static final int LONGEST_VALIDITY_YEARS = 30;

    @AggregateIdentifier
    private String aggregateId;
    private String driverId;
    private String tenantId;
    /** The idempotency key of the request that registered the driver, so that a retry answers as the first run. */
    private String registeredBy;
    /** Null for a driver registered before licences were recorded: not dispatched until one is. */
    private DrivingLicence licence;
    private final Reservations reservations = new Reservations();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected Driver() {
    }

    /** Created only if missing; the same request again answers as before, any other registration is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterDriverCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        if (driverId != null) {
            requireTenant(command.tenantId());
            if (requestKey != null && requestKey.equals(registeredBy)) {
                return getVersion();
            }
            throw VehicleOrder.refused(VehicleErrorCode.DRIVER_ALREADY_REGISTERED, "driver " + driverId);
        }
        requireValid(command.licence(), command.registeredAt());
        apply(new DriverRegisteredEvent(command.driverId(), command.tenantId()));
        apply(new DriverLicenceRecordedEvent(command.driverId(), command.tenantId(),
                command.licence().licenceClass(), command.licence().validUntil()));
        return getVersion();
    }

    /** The same licence again records nothing: a retried request, or a renewal typed twice. */
    @CommandHandler
    long handle(RecordDriverLicenceCommand command) {
        requireTenant(command.tenantId());
        requireValid(command.licence(), command.recordedAt());
        if (!command.licence().equals(licence)) {
            apply(new DriverLicenceRecordedEvent(driverId, tenantId, command.licence().licenceClass(),
                    command.licence().validUntil()));
        }
        return getVersion();
    }

    private static void requireValid(DrivingLicence licence, Instant now) {
        LocalDate today = now.atZone(WorkingDays.CHINA).toLocalDate();
        if (licence == null || licence.licenceClass() == null || !licence.validOn(today)
                || (licence.validUntil() != null
                && licence.validUntil().isAfter(today.plusYears(LONGEST_VALIDITY_YEARS)))) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_DRIVER_LICENCE, "licence " + licence);
        }
    }

    void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object (say, an order id given as a vehicle id) has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("driver " + driverId + " not in tenant " + commandTenantId);
        }
    }

    /** The licence must permit the vehicle and be valid on the (China) day the trip is planned to end. */
    void requireLicensedFor(int passengerSeats, EnergyType energyType, TimeWindow window) {
        if (licence == null || !licence.licenceClass().permits(passengerSeats, energyType)) {
            throw VehicleOrder.refused(VehicleErrorCode.DRIVER_NOT_LICENSED,
                    "driver " + driverId + " with " + licence + " for " + passengerSeats + " seats");
        }
        if (!licence.validOn(window.end().atZone(WorkingDays.CHINA).toLocalDate())) {
            throw VehicleOrder.refused(VehicleErrorCode.DRIVER_LICENCE_EXPIRED, "driver " + driverId);
        }
    }

    void reserve(String orderId, TimeWindow window) {
        if (reservations.conflictWith(orderId, window)) {
            throw VehicleOrder.refused(VehicleErrorCode.DRIVER_DOUBLE_BOOKED, "driver " + driverId + " taken");
        }
        apply(new DriverReservedEvent(driverId, tenantId, orderId, window));
    }

    void release(String orderId) {
        if (reservations.holds(orderId)) {
            apply(new DriverReleasedEvent(driverId, tenantId, orderId));
        }
    }

    @EventSourcingHandler
    void on(DriverRegisteredEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        aggregateId = DriverIds.aggregateIdOf(event.driverId());
        driverId = event.driverId();
        tenantId = event.tenantId();
        registeredBy = requestKey;
    }

    @EventSourcingHandler
    void on(DriverLicenceRecordedEvent event) {
        licence = new DrivingLicence(event.licenceClass(), event.validUntil());
    }

    @EventSourcingHandler
    void on(DriverReservedEvent event) {
        reservations.reserve(event.orderId(), event.window());
    }

    @EventSourcingHandler
    void on(DriverReleasedEvent event) {
        reservations.release(event.orderId());
    }
}
