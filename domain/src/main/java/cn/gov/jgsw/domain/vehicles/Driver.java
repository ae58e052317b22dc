package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.RegisterDriverCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A driver of the bureau's fleet (驾驶员), named by the person's user id (the aggregate's own identifier is derived
 * from it, {@link DriverIds}), and the periods promised to orders.
 * Licence and personal details live outside events (fleet ledger issue).
 */
public class Driver {

    @AggregateIdentifier
    private String aggregateId;
    private String driverId;
    private String tenantId;
    private final Reservations reservations = new Reservations();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected Driver() {
    }

    @CommandHandler
    Driver(RegisterDriverCommand command) {
        apply(new DriverRegisteredEvent(command.driverId(), command.tenantId()));
    }

    void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object (say, an order id given as a vehicle id) has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("driver " + driverId + " not in tenant " + commandTenantId);
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
    void on(DriverRegisteredEvent event) {
        aggregateId = DriverIds.aggregateIdOf(event.driverId());
        driverId = event.driverId();
        tenantId = event.tenantId();
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
