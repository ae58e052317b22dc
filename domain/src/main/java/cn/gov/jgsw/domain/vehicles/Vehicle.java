package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.RegisterVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A vehicle of the bureau's fleet (公务车辆) and the periods it is promised to orders. The fleet ledger issue adds
 * retirement, holiday sealing and suppliers.
 */
public class Vehicle {

    static final int MOST_SEATS = 60;
    static final int LONGEST_PLATE = 16;

    @AggregateIdentifier
    private String vehicleId;
    private String tenantId;
    private int seats;
    private final Reservations reservations = new Reservations();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected Vehicle() {
    }

    @CommandHandler
    Vehicle(RegisterVehicleCommand command) {
        FreeText.Checked plate = FreeText.check(command.plateNumber(), LONGEST_PLATE);
        if (plate.refused() || plate.blank()
                || command.seats() < 1 || command.seats() > MOST_SEATS || command.carClass() == null) {
            throw VehicleOrder.refused(VehicleErrorCode.INVALID_VEHICLE, "invalid vehicle " + command.vehicleId());
        }
        apply(new VehicleRegisteredEvent(command.vehicleId(), command.tenantId(), plate.text(),
                command.carClass(), command.seats()));
    }

    void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object (say, an order id given as a vehicle id) has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("vehicle " + vehicleId + " not in tenant " + commandTenantId);
        }
    }

    void reserve(String orderId, TimeWindow window, int passengerCount) {
        if (seats < passengerCount) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_TOO_SMALL, seats + " seats for " + passengerCount);
        }
        if (reservations.conflictWith(orderId, window)) {
            throw VehicleOrder.refused(VehicleErrorCode.VEHICLE_DOUBLE_BOOKED, "vehicle " + vehicleId + " taken");
        }
        apply(new VehicleReservedEvent(vehicleId, tenantId, orderId, window));
    }

    void release(String orderId) {
        if (reservations.holds(orderId)) {
            apply(new VehicleReleasedEvent(vehicleId, tenantId, orderId));
        }
    }

    @EventSourcingHandler
    void on(VehicleRegisteredEvent event) {
        vehicleId = event.vehicleId();
        tenantId = event.tenantId();
        seats = event.seats();
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
