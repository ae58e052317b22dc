package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.RecordRefuellingCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import static cn.gov.jgsw.domain.vehicles.AggregateLoading.load;

/**
 * A refuelling during a trip reads the designated supplier and changes the order, in one unit of work: the supplier
 * must be a fuel supplier of the bureau designated now, and its station's place goes with the refuelling into the
 * order's event, so that the check against the car's track later needs nothing else. Another bureau's supplier is
 * "not found", exactly like a missing id.
 */
public class TripRefuelling {

    private final Repository<VehicleOrder> orders;
    private final Repository<DesignatedSupplier> suppliers;

    public TripRefuelling(Repository<VehicleOrder> orders, Repository<DesignatedSupplier> suppliers) {
        this.orders = orders;
        this.suppliers = suppliers;
    }

    /** Answers the order's version after the refuelling. */
    @CommandHandler
    public long handle(RecordRefuellingCommand command) {
        Aggregate<VehicleOrder> order = load(orders, command.orderId(), "vehicle order");
        if (!order.invoke(o -> o.requireRefuellable(command))) {
            return order.version();
        }
        Aggregate<DesignatedSupplier> supplier = load(suppliers, command.supplierId(), "supplier");
        supplier.execute(s -> s.requireTenant(command.tenantId()));
        GeoPoint station = supplier.invoke(DesignatedSupplier::requireDesignatedFuelStation);
        order.execute(o -> o.refuel(command, station));
        return order.version();
    }
}
