package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.vehicles.api.DispatchVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
import cn.gov.jgsw.domain.vehicles.api.EndTripCommand;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import static cn.gov.jgsw.domain.vehicles.AggregateLoading.load;

/**
 * Dispatch (派车) and the end of a trip change three aggregates at once: the order, the vehicle and the driver. They
 * are loaded in one unit of work, always in that order (the repositories lock each aggregate, and one order of locking
 * rules out deadlocks). Any refusal (the order not approved, the vehicle or driver booked for an overlapping period,
 * the car too small, the driver's licence not fitting the car or expiring before the trip's end) rolls back the
 * whole dispatch before anything is stored. The events are then stored in one batch;
 * that the batch is atomic is up to the event store (ADR 0004).
 * <p>
 * Loading checks the tenant: another bureau's order, vehicle or driver is "not found", exactly like a missing id.
 */
public class VehicleDispatching {

    private final Repository<VehicleOrder> orders;
    private final Repository<Vehicle> vehicles;
    private final Repository<Driver> drivers;

    public VehicleDispatching(Repository<VehicleOrder> orders, Repository<Vehicle> vehicles,
                              Repository<Driver> drivers) {
        this.orders = orders;
        this.vehicles = vehicles;
        this.drivers = drivers;
    }

    /** Answers the order's version after dispatch. */
    @CommandHandler
    public long handle(DispatchVehicleOrderCommand command,
                       @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        Aggregate<VehicleOrder> order = load(orders, command.orderId(), "vehicle order");
        if (!order.invoke(o -> o.requireDispatchable(command.tenantId(), requestKey))) {
            return order.version();
        }
        TimeWindow window = order.invoke(VehicleOrder::plannedWindow);
        int passengers = order.invoke(VehicleOrder::passengerCount);
        Aggregate<Vehicle> vehicle = load(vehicles, command.vehicleId(), "vehicle");
        vehicle.execute(v -> v.requireTenant(command.tenantId()));
        Aggregate<Driver> driver = load(drivers, DriverIds.aggregateIdOf(command.driverId()), "driver");
        driver.execute(d -> d.requireTenant(command.tenantId()));
        int seats = vehicle.invoke(Vehicle::seats);
        EnergyType energyType = vehicle.invoke(Vehicle::energyType);
        driver.execute(d -> d.requireLicensedFor(seats, energyType, window));

        vehicle.execute(v -> v.reserve(command.orderId(), window, passengers));
        driver.execute(d -> d.reserve(command.orderId(), window));
        order.execute(o -> o.dispatch(command.dispatcherId(), command.vehicleId(), command.driverId()));
        return order.version();
    }

    /** Ends the trip, completes the order and frees the vehicle and driver. Answers the order's version. */
    @CommandHandler
    public long handle(EndTripCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        Aggregate<VehicleOrder> order = load(orders, command.orderId(), "vehicle order");
        if (!order.invoke(o -> o.endTrip(command, requestKey))) {
            return order.version();
        }
        String vehicleId = order.invoke(VehicleOrder::vehicleId);
        String driverId = order.invoke(VehicleOrder::driverId);
        load(vehicles, vehicleId, "vehicle").execute(v -> v.release(command.orderId()));
        load(drivers, DriverIds.aggregateIdOf(driverId), "driver").execute(d -> d.release(command.orderId()));
        return order.version();
    }
}
