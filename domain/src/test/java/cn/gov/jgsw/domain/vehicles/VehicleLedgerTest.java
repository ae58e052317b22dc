package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.RegisterVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.RetireVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.SealVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.UnsealVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRetiredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleSealedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleUnsealedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.vehicles.FleetReservationTest.NINE_TO_ELEVEN;

/** The fleet ledger (台账): registration with the ledger's facts, holiday sealing, retirement. */
class VehicleLedgerTest {

    static final String NANMING = "bureau-nanming";
    static final ParkingSpot BUREAU_YARD = new ParkingSpot(new GeoPoint(26.5683, 106.7135), 50);
    static final LocalDate BOUGHT = LocalDate.of(2023, 5, 10);
    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    /** When the sealings are asked for: before any of the periods below. */
    static final Instant BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final TimeWindow NATIONAL_DAY = new TimeWindow(Instant.parse("2026-09-30T10:00:00Z"),
            Instant.parse("2026-10-08T00:00:00Z"));

    private final AggregateTestFixture<Vehicle> fixture = new AggregateTestFixture<>(Vehicle.class);

    static VehicleRegisteredEvent registered(String vehicleId, int seats) {
        return new VehicleRegisteredEvent(vehicleId, NANMING, "贵A·12345", CarClass.SEDAN, seats, EnergyType.HYBRID,
                18_500_000L, BOUGHT, "unit-office", BUREAU_YARD);
    }

    private static RegisterVehicleCommand register(String plate, int seats, long priceFen, LocalDate bought,
                                                   ParkingSpot spot) {
        return new RegisterVehicleCommand("v1", NANMING, plate, CarClass.SEDAN, seats, EnergyType.HYBRID, priceFen,
                bought, "unit-office", spot, NOW);
    }

    @Test
    void aVehicleIsPutOnTheLedgerWithItsFacts() {
        fixture.givenNoPriorActivity()
                .when(register(" 贵A·12345 ", 4, 18_500_000L, BOUGHT, BUREAU_YARD))
                .expectEvents(registered("v1", 4));
    }

    @Test
    void anEntryWithImpossibleFactsIsRefused() {
        for (RegisterVehicleCommand invalid : new RegisterVehicleCommand[]{
                register("贵A·12345", 0, 18_500_000L, BOUGHT, BUREAU_YARD),
                register(" ", 4, 18_500_000L, BOUGHT, BUREAU_YARD),
                register("贵A·12345", 4, 0, BOUGHT, BUREAU_YARD),
                register("贵A·12345", 4, 18_500_000L, LocalDate.of(2026, 11, 27), BUREAU_YARD),
                register("贵A·12345", 4, 18_500_000L, LocalDate.of(1989, 12, 31), BUREAU_YARD),
                register("贵A·12345", 4, 18_500_000L, BOUGHT, null),
                register("贵A·12345", 4, 18_500_000L, BOUGHT, new ParkingSpot(new GeoPoint(0, 0), 50)),
                register("贵A·12345", 4, 18_500_000L, BOUGHT, new ParkingSpot(new GeoPoint(91, 106), 50)),
                register("贵A·12345", 4, 18_500_000L, BOUGHT, new ParkingSpot(BUREAU_YARD.centre(), 5))}) {
            fixture.givenNoPriorActivity()
                    .when(invalid)
                    .expectNoEvents()
                    .expectException(refusedWith(VehicleErrorCode.INVALID_VEHICLE));
        }
    }

    @Test
    void aSealedVehicleIsNotReservedForThatPeriod() {
        VehicleSealedEvent sealed = new VehicleSealedEvent("v1", NANMING, "seal-1", NATIONAL_DAY, "国庆节封存");
        fixture.given(registered("v1", 4))
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", NATIONAL_DAY, " 国庆节封存 ", BEFORE))
                .expectEvents(sealed);
        fixture.given(registered("v1", 4), sealed)
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", NATIONAL_DAY, "国庆节封存", BEFORE))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        AggregateTestFixture<Vehicle> reserving = new AggregateTestFixture<>(Vehicle.class);
        reserving.registerAnnotatedCommandHandler(new FleetReservationTest.ReservationSteps(
                reserving.getRepository(), null));
        reserving.given(registered("v1", 4), sealed)
                .when(new FleetReservationTest.Reserve("v1", NANMING, "o1", new TimeWindow(
                        Instant.parse("2026-10-02T01:00:00Z"), Instant.parse("2026-10-02T03:00:00Z")), 2))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.VEHICLE_SEALED));
        reserving.given(registered("v1", 4), sealed, new VehicleUnsealedEvent("v1", NANMING, "seal-1",
                        Instant.parse("2026-10-01T00:00:00Z"), "抢险救灾用车"))
                .when(new FleetReservationTest.Reserve("v1", NANMING, "o1", new TimeWindow(
                        Instant.parse("2026-10-02T01:00:00Z"), Instant.parse("2026-10-02T03:00:00Z")), 2))
                .expectEvents(new VehicleReservedEvent("v1", NANMING, "o1", new TimeWindow(
                        Instant.parse("2026-10-02T01:00:00Z"), Instant.parse("2026-10-02T03:00:00Z"))));
    }

    @Test
    void aSealingNeedsAShortPeriodAndAReasonAndMayBeLiftedWithOne() {
        fixture.given(registered("v1", 4))
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", new TimeWindow(NATIONAL_DAY.start(),
                        NATIONAL_DAY.start().plus(Duration.ofDays(31))), "寒假封存", BEFORE))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.INVALID_SEALING));
        fixture.given(registered("v1", 4))
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", NATIONAL_DAY, " ", BEFORE))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(registered("v1", 4))
                .when(new UnsealVehicleCommand("v1", NANMING, "seal-x", "抢险", NOW))
                .expectNoEvents()
                .expectException(ObjectNotFoundException.class);
        fixture.given(registered("v1", 4), new VehicleReservedEvent("v1", NANMING, "o1", NINE_TO_ELEVEN))
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", new TimeWindow(
                        NINE_TO_ELEVEN.start().minusSeconds(3600), NINE_TO_ELEVEN.end()), "元旦封存", BEFORE))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.VEHICLE_DOUBLE_BOOKED));
    }

    @Test
    void aSealingAlreadyOverWhenAskedForIsRefusedAsItsMessageSays() {
        fixture.given(registered("v1", 4))
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", NATIONAL_DAY, "国庆节封存",
                        NATIONAL_DAY.end()))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.INVALID_SEALING));
    }

    @Test
    void aRetiredVehicleIsNeverUsedAgainAndOneStillPromisedIsNotRetired() {
        fixture.given(registered("v1", 4))
                .when(new RetireVehicleCommand("v1", NANMING, "达到报废年限"))
                .expectEvents(new VehicleRetiredEvent("v1", NANMING, "达到报废年限"));
        fixture.given(registered("v1", 4), new VehicleReservedEvent("v1", NANMING, "o1", NINE_TO_ELEVEN))
                .when(new RetireVehicleCommand("v1", NANMING, "达到报废年限"))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.VEHICLE_STILL_RESERVED));
        fixture.given(registered("v1", 4), new VehicleRetiredEvent("v1", NANMING, "达到报废年限"))
                .when(new SealVehicleCommand("v1", NANMING, "seal-1", NATIONAL_DAY, "国庆节封存", BEFORE))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.VEHICLE_RETIRED));
        fixture.given(registered("v1", 4))
                .when(new RetireVehicleCommand("v1", "bureau-yunyan", "达到报废年限"))
                .expectNoEvents()
                .expectException(ObjectNotFoundException.class);
    }
}
