package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.RecordRefuellingCommand;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignatedEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignationWithdrawnEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierKind;
import cn.gov.jgsw.domain.vehicles.api.TripRefuelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.DRIVER;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.NANMING;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.ORDER;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.VEHICLE;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.approved;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.dispatched;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.ordered;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.started;

/**
 * A refuelling during a trip: the order's part (a running trip, its driver, possible figures, once per refuelling)
 * and the supplier's part (a fuel supplier designated now). {@link TripRefuelling} joins the two in one unit of work;
 * here each runs through the same package-private methods, with the station the supplier would give.
 */
class TripRefuellingTest {

    static final GeoPoint STATION = new GeoPoint(26.5800, 106.7100);
    /** The trip of {@link VehicleOrderTest#started()} began at this moment. */
    static final Instant TRIP_START = VehicleOrderTest.NOW.plusSeconds(3700);

    static final class OrderPartOfRefuelling {
        private final Repository<VehicleOrder> orders;

        OrderPartOfRefuelling(Repository<VehicleOrder> orders) {
            this.orders = orders;
        }

        @CommandHandler
        long handle(RecordRefuellingCommand command) {
            Aggregate<VehicleOrder> order = orders.load(command.orderId());
            if (order.invoke(o -> o.requireRefuellable(command))) {
                order.execute(o -> o.refuel(command, STATION));
            }
            return order.version();
        }
    }

    record AskStation(@TargetAggregateIdentifier String supplierId) {
    }

    static final class SupplierPartOfRefuelling {
        private final Repository<DesignatedSupplier> suppliers;

        SupplierPartOfRefuelling(Repository<DesignatedSupplier> suppliers) {
            this.suppliers = suppliers;
        }

        @CommandHandler
        GeoPoint handle(AskStation command) {
            return suppliers.load(command.supplierId()).invoke(DesignatedSupplier::requireDesignatedFuelStation);
        }
    }

    private AggregateTestFixture<VehicleOrder> orders;
    private AggregateTestFixture<DesignatedSupplier> suppliers;

    @BeforeEach
    void setUp() {
        orders = new AggregateTestFixture<>(VehicleOrder.class);
        orders.registerAnnotatedCommandHandler(new OrderPartOfRefuelling(orders.getRepository()));
        suppliers = new AggregateTestFixture<>(DesignatedSupplier.class);
        suppliers.registerAnnotatedCommandHandler(new SupplierPartOfRefuelling(suppliers.getRepository()));
    }

    static RecordRefuellingCommand refuelling(String driver, String litres, long fen, Instant at) {
        return new RecordRefuellingCommand(ORDER, NANMING, driver, "refuel-1", "supplier-1", new BigDecimal(litres),
                fen, at, TRIP_START.plusSeconds(3600));
    }

    static TripRefuelledEvent refuelled() {
        return new TripRefuelledEvent(ORDER, NANMING, DRIVER, VEHICLE, "refuel-1", "supplier-1", STATION,
                new BigDecimal("45.20"), 35_256, TRIP_START.plusSeconds(1800));
    }

    @Test
    void theDriverRecordsARefuellingDuringTheTripOnce() {
        orders.given(ordered(), approved(), dispatched(), started())
                .when(refuelling(DRIVER, "45.2", 35_256, TRIP_START.plusSeconds(1800)))
                .expectEvents(refuelled());
        orders.given(ordered(), approved(), dispatched(), started(), refuelled())
                .when(refuelling(DRIVER, "45.2", 35_256, TRIP_START.plusSeconds(1800)))
                .expectNoEvents();
    }

    @Test
    void onlyTheAssignedDriverDuringTheTrip() {
        orders.given(ordered(), approved(), dispatched(), started())
                .when(refuelling("user-someone", "45.2", 35_256, TRIP_START.plusSeconds(1800)))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.NOT_THE_ASSIGNED_DRIVER));
        orders.given(ordered(), approved(), dispatched())
                .when(refuelling(DRIVER, "45.2", 35_256, TRIP_START.plusSeconds(1800)))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void impossibleFiguresAreRefused() {
        Object[][] invalid = {{"0", 35_256L, TRIP_START}, {"200.01", 35_256L, TRIP_START}, {"45.2", 0L, TRIP_START},
                {"45.2", 1_000_001L, TRIP_START}, {"45.2", 35_256L, TRIP_START.minusSeconds(1)},
                {"45.2", 35_256L, TRIP_START.plusSeconds(3600 + 121)}};
        for (Object[] figures : invalid) {
            orders.given(ordered(), approved(), dispatched(), started())
                    .when(refuelling(DRIVER, (String) figures[0], (long) figures[1], (Instant) figures[2]))
                    .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_REFUELLING));
        }
    }

    @Test
    void anotherBureausOrderIsNotFound() {
        orders.given(ordered(), approved(), dispatched(), started())
                .when(new RecordRefuellingCommand(ORDER, "bureau-yunyan", DRIVER, "refuel-1", "supplier-1",
                        BigDecimal.TEN, 100, TRIP_START, TRIP_START))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    @Test
    void theSupplierMustBeADesignatedFuelSupplierNow() {
        suppliers.given(new SupplierDesignatedEvent("supplier-1", NANMING, SupplierKind.FUEL, "加油站", STATION))
                .when(new AskStation("supplier-1"))
                .expectResultMessagePayload(STATION);
        suppliers.given(new SupplierDesignatedEvent("supplier-1", NANMING, SupplierKind.FUEL, "加油站", STATION),
                        new SupplierDesignationWithdrawnEvent("supplier-1", NANMING, "协议到期"))
                .when(new AskStation("supplier-1"))
                .expectException(refusedWith(VehicleErrorCode.SUPPLIER_NOT_DESIGNATED));
        suppliers.given(new SupplierDesignatedEvent("supplier-1", NANMING, SupplierKind.REPAIR, "汽修厂", null))
                .when(new AskStation("supplier-1"))
                .expectException(refusedWith(VehicleErrorCode.SUPPLIER_NOT_DESIGNATED));
    }
}
