package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;
import cn.gov.jgsw.domain.vehicles.api.RegisterDriverCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

/** Vehicles and drivers: registration, and reservations that never overlap. */
class FleetReservationTest {

    static final String NANMING = "bureau-nanming";
    /** The driver aggregate of the person {@code user-driver}. */
    static final String DRIVER = DriverIds.aggregateIdOf("user-driver");
    static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z");
    static final TimeWindow NINE_TO_ELEVEN = new TimeWindow(NINE, NINE.plusSeconds(7200));
    static final TimeWindow TEN_TO_NOON = new TimeWindow(NINE.plusSeconds(3600), NINE.plusSeconds(3 * 3600));
    static final TimeWindow ELEVEN_TO_ONE = new TimeWindow(NINE.plusSeconds(7200), NINE.plusSeconds(4 * 3600));

    record Reserve(@TargetAggregateIdentifier String id, String tenantId, String orderId, TimeWindow window,
                   int passengers) {
    }

    record Release(@TargetAggregateIdentifier String id, String orderId) {
    }

    /** Calls the reservation methods {@link VehicleDispatching} calls, one aggregate at a time. */
    static final class ReservationSteps {
        private final Repository<Vehicle> vehicles;
        private final Repository<Driver> drivers;

        ReservationSteps(Repository<Vehicle> vehicles, Repository<Driver> drivers) {
            this.vehicles = vehicles;
            this.drivers = drivers;
        }

        @CommandHandler
        void handle(Reserve command) {
            if (vehicles != null) {
                vehicles.load(command.id()).execute(v -> {
                    v.requireTenant(command.tenantId());
                    v.reserve(command.orderId(), command.window(), command.passengers());
                });
            } else {
                drivers.load(command.id()).execute(d -> {
                    d.requireTenant(command.tenantId());
                    d.reserve(command.orderId(), command.window());
                });
            }
        }

        @CommandHandler
        void handle(Release command) {
            if (vehicles != null) {
                vehicles.load(command.id()).execute(v -> v.release(command.orderId()));
            } else {
                drivers.load(command.id()).execute(d -> d.release(command.orderId()));
            }
        }
    }

    private static AggregateTestFixture<Vehicle> vehicleFixture() {
        AggregateTestFixture<Vehicle> fixture = new AggregateTestFixture<>(Vehicle.class);
        fixture.registerAnnotatedCommandHandler(new ReservationSteps(fixture.getRepository(), null));
        return fixture;
    }

    private static AggregateTestFixture<Driver> driverFixture() {
        AggregateTestFixture<Driver> fixture = new AggregateTestFixture<>(Driver.class);
        fixture.registerAnnotatedCommandHandler(new ReservationSteps(null, fixture.getRepository()));
        return fixture;
    }

    private static VehicleRegisteredEvent fiveSeater() {
        return VehicleLedgerTest.registered("v1", 4);
    }

    @Test
    void aFreeVehicleIsReserved() {
        vehicleFixture().given(fiveSeater())
                .when(new Reserve("v1", NANMING, "o1", NINE_TO_ELEVEN, 3))
                .expectEvents(new VehicleReservedEvent("v1", NANMING, "o1", NINE_TO_ELEVEN));
    }

    @Test
    void anOverlappingReservationOfTheVehicleIsRefused() {
        vehicleFixture().given(fiveSeater(), new VehicleReservedEvent("v1", NANMING, "o1", NINE_TO_ELEVEN))
                .when(new Reserve("v1", NANMING, "o2", TEN_TO_NOON, 3))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.VEHICLE_DOUBLE_BOOKED));
    }

    @Test
    void backToBackReservationsAreFine() {
        vehicleFixture().given(fiveSeater(), new VehicleReservedEvent("v1", NANMING, "o1", NINE_TO_ELEVEN))
                .when(new Reserve("v1", NANMING, "o2", ELEVEN_TO_ONE, 3))
                .expectEvents(new VehicleReservedEvent("v1", NANMING, "o2", ELEVEN_TO_ONE));
    }

    @Test
    void aReleasedVehicleCanBeReservedAgain() {
        vehicleFixture().given(fiveSeater(), new VehicleReservedEvent("v1", NANMING, "o1", NINE_TO_ELEVEN),
                        new VehicleReleasedEvent("v1", NANMING, "o1"))
                .when(new Reserve("v1", NANMING, "o2", TEN_TO_NOON, 3))
                .expectEvents(new VehicleReservedEvent("v1", NANMING, "o2", TEN_TO_NOON));
    }

    @Test
    void releasingWhatIsNotReservedRecordsNothing() {
        vehicleFixture().given(fiveSeater())
                .when(new Release("v1", "o1"))
                .expectNoEvents();
    }

    @Test
    void aVehicleTooSmallForThePassengersIsRefused() {
        vehicleFixture().given(fiveSeater())
                .when(new Reserve("v1", NANMING, "o1", NINE_TO_ELEVEN, 5))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.VEHICLE_TOO_SMALL));
    }

    @Test
    void anotherBureausVehicleIsNotFound() {
        vehicleFixture().given(fiveSeater())
                .when(new Reserve("v1", "bureau-yunyan", "o1", NINE_TO_ELEVEN, 1))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    @Test
    void aDriverIsRegisteredAndReserved() {
        driverFixture().givenNoPriorActivity()
                .when(new RegisterDriverCommand("user-driver", NANMING, DriverLicenceTest.B1_TILL_2032, NINE))
                .expectEvents(new DriverRegisteredEvent("user-driver", NANMING),
                        DriverLicenceTest.recorded(DrivingLicenceClass.B1, DriverLicenceTest.END_OF_2032));
        driverFixture().given(new DriverRegisteredEvent("user-driver", NANMING))
                .when(new Reserve(DRIVER, NANMING, "o1", NINE_TO_ELEVEN, 1))
                .expectEvents(new DriverReservedEvent("user-driver", NANMING, "o1", NINE_TO_ELEVEN));
    }

    @Test
    void anOverlappingReservationOfTheDriverIsRefused() {
        driverFixture().given(new DriverRegisteredEvent("user-driver", NANMING),
                        new DriverReservedEvent("user-driver", NANMING, "o1", NINE_TO_ELEVEN))
                .when(new Reserve(DRIVER, NANMING, "o2", TEN_TO_NOON, 1))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.DRIVER_DOUBLE_BOOKED));
    }

    @Test
    void aReleasedDriverIsFreeAgain() {
        driverFixture().given(new DriverRegisteredEvent("user-driver", NANMING),
                        new DriverReservedEvent("user-driver", NANMING, "o1", NINE_TO_ELEVEN))
                .when(new Release(DRIVER, "o1"))
                .expectEvents(new DriverReleasedEvent("user-driver", NANMING, "o1"));
    }

    @Test
    void anotherBureausDriverIsNotFound() {
        driverFixture().given(new DriverRegisteredEvent("user-driver", NANMING))
                .when(new Reserve(DRIVER, "bureau-yunyan", "o1", NINE_TO_ELEVEN, 1))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }
}
