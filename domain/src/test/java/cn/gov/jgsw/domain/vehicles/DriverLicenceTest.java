package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DriverIds;
import cn.gov.jgsw.domain.vehicles.api.DriverLicenceRecordedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicence;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.RecordDriverLicenceCommand;
import cn.gov.jgsw.domain.vehicles.api.RegisterDriverCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** A driver's licence (驾驶证): recorded at registration and on renewal, and checked at every dispatch. */
class DriverLicenceTest {

    static final String NANMING = "bureau-nanming";
    static final String DRIVER = DriverIds.aggregateIdOf("user-driver");
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final LocalDate END_OF_2032 = LocalDate.of(2032, 12, 31);
    static final DrivingLicence B1_TILL_2032 = new DrivingLicence(DrivingLicenceClass.B1, END_OF_2032);
    /** A trip on 2026-12-01 from 09:00 to 11:00 China time. */
    static final TimeWindow TRIP = new TimeWindow(Instant.parse("2026-12-01T01:00:00Z"),
            Instant.parse("2026-12-01T03:00:00Z"));

    record CheckLicence(@TargetAggregateIdentifier String id, int seats, EnergyType energyType, TimeWindow window) {
    }

    /** Calls the check {@link VehicleDispatching} makes before reserving the driver. */
    static final class LicenceCheck {
        private final Repository<Driver> drivers;

        LicenceCheck(Repository<Driver> drivers) {
            this.drivers = drivers;
        }

        @CommandHandler
        void handle(CheckLicence command) {
            drivers.load(command.id()).execute(d -> d.requireLicensedFor(command.seats(), command.energyType(),
                    command.window()));
        }
    }

    private AggregateTestFixture<Driver> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Driver.class);
        fixture.registerAnnotatedCommandHandler(new LicenceCheck(fixture.getRepository()));
    }

    static DriverLicenceRecordedEvent recorded(DrivingLicenceClass licenceClass, LocalDate validUntil) {
        return new DriverLicenceRecordedEvent("user-driver", NANMING, licenceClass, validUntil);
    }

    static DriverRegisteredEvent registered() {
        return new DriverRegisteredEvent("user-driver", NANMING);
    }

    @Test
    void registeringTheSameRequestAgainAnswersWithoutNewEvents() {
        fixture.given(withKey(registered(), "k1"), recorded(DrivingLicenceClass.B1, END_OF_2032))
                .when(new RegisterDriverCommand("user-driver", NANMING, B1_TILL_2032, NOW),
                        Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k1"))
                .expectNoEvents().expectResultMessagePayload(1L);
    }

    @Test
    void registeringAKnownDriverByAnotherRequestIsRefused() {
        fixture.given(withKey(registered(), "k1"), recorded(DrivingLicenceClass.B1, END_OF_2032))
                .when(new RegisterDriverCommand("user-driver", NANMING, B1_TILL_2032, NOW),
                        Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k2"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.DRIVER_ALREADY_REGISTERED));
    }

    @Test
    void aLicenceWithoutEndIsValid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDriverCommand("user-driver", NANMING,
                        new DrivingLicence(DrivingLicenceClass.A1, null), NOW))
                .expectEvents(registered(), recorded(DrivingLicenceClass.A1, null));
    }

    @ParameterizedTest(name = "class {0} valid until {1}")
    @CsvSource(value = {"null, 2030-01-01", "C1, 2026-11-25", "C1, 2057-01-01"}, nullValues = "null")
    void anInvalidLicenceIsRefusedAndNothingRecorded(DrivingLicenceClass licenceClass, LocalDate validUntil) {
        fixture.givenNoPriorActivity()
                .when(new RegisterDriverCommand("user-driver", NANMING,
                        new DrivingLicence(licenceClass, validUntil), NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_DRIVER_LICENCE));
    }

    @Test
    void aLicenceValidUntilTodayChinaTimeIsStillValid() {
        // 2026-11-26T17:00Z is already the 27th in China: a licence valid until the 26th has expired there.
        fixture.givenNoPriorActivity()
                .when(new RegisterDriverCommand("user-driver", NANMING,
                        new DrivingLicence(DrivingLicenceClass.C1, LocalDate.of(2026, 11, 26)),
                        Instant.parse("2026-11-26T15:59:59Z")))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new RegisterDriverCommand("user-driver", NANMING,
                        new DrivingLicence(DrivingLicenceClass.C1, LocalDate.of(2026, 11, 26)),
                        Instant.parse("2026-11-26T17:00:00Z")))
                .expectException(refusedWith(VehicleErrorCode.INVALID_DRIVER_LICENCE));
    }

    @Test
    void aRenewedLicenceReplacesTheOldOneAndTheSameOneAgainRecordsNothing() {
        fixture.given(registered(), recorded(DrivingLicenceClass.C1, LocalDate.of(2027, 3, 1)))
                .when(new RecordDriverLicenceCommand("user-driver", NANMING, B1_TILL_2032, NOW))
                .expectEvents(recorded(DrivingLicenceClass.B1, END_OF_2032));
        fixture.given(registered(), recorded(DrivingLicenceClass.B1, END_OF_2032))
                .when(new RecordDriverLicenceCommand("user-driver", NANMING, B1_TILL_2032, NOW))
                .expectNoEvents();
    }

    @Test
    void anotherBureauCannotRecordTheLicence() {
        fixture.given(registered(), recorded(DrivingLicenceClass.C1, END_OF_2032))
                .when(new RecordDriverLicenceCommand("user-driver", "bureau-yunyan", B1_TILL_2032, NOW))
                .expectNoEvents()
                .expectException(ObjectNotFoundException.class);
    }

    @ParameterizedTest(name = "{0} for {1} seats, {2}: {3}")
    @CsvSource({
            "C1, 4, GASOLINE, true",
            "C1, 8, DIESEL, true",
            "C1, 9, DIESEL, false",
            "C2, 4, BATTERY_ELECTRIC, true",
            "C2, 4, HYBRID, false",
            "B2, 6, HYBRID, true",
            "B1, 17, DIESEL, true",
            "A2, 17, DIESEL, true",
            "A3, 17, DIESEL, false",
            "B1, 19, DIESEL, false",
            "A1, 45, DIESEL, true"})
    void theClassMustPermitTheVehicle(DrivingLicenceClass licenceClass, int seats, EnergyType energyType,
                                      boolean permitted) {
        assertThat(licenceClass.permits(seats, energyType)).isEqualTo(permitted);
        var result = fixture.given(registered(), recorded(licenceClass, END_OF_2032))
                .when(new CheckLicence(DRIVER, seats, energyType, TRIP));
        if (permitted) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectException(refusedWith(VehicleErrorCode.DRIVER_NOT_LICENSED));
        }
    }

    @Test
    void aDriverWithoutALicenceOnRecordIsNotDispatched() {
        fixture.given(registered())
                .when(new CheckLicence(DRIVER, 4, EnergyType.GASOLINE, TRIP))
                .expectException(refusedWith(VehicleErrorCode.DRIVER_NOT_LICENSED));
    }

    @Test
    void aLicenceExpiringBeforeTheTripEndsIsRefusedAndOneEndingThatDayIsFine() {
        fixture.given(registered(), recorded(DrivingLicenceClass.C1, LocalDate.of(2026, 11, 30)))
                .when(new CheckLicence(DRIVER, 4, EnergyType.GASOLINE, TRIP))
                .expectException(refusedWith(VehicleErrorCode.DRIVER_LICENCE_EXPIRED));
        fixture.given(registered(), recorded(DrivingLicenceClass.C1, LocalDate.of(2026, 12, 1)))
                .when(new CheckLicence(DRIVER, 4, EnergyType.GASOLINE, TRIP))
                .expectSuccessfulHandlerExecution();
    }
}
