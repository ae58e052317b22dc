package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DriverLicenceRecordedEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRetiredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleSealedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleUnsealedEvent;
import cn.gov.jgsw.projections.vehicles.api.DriverView;
import cn.gov.jgsw.projections.vehicles.api.FindAvailableDriversQuery;
import cn.gov.jgsw.projections.vehicles.api.FindDispatchableVehiclesQuery;
import cn.gov.jgsw.projections.vehicles.api.FindDriversQuery;
import cn.gov.jgsw.projections.vehicles.api.FindFleetQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleView;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetProjectionTest {

    private static final String NANMING = "bureau-nanming";
    private static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z");
    private static final TimeWindow NINE_TO_ELEVEN = new TimeWindow(NINE, NINE.plusSeconds(7200));
    private static final TimeWindow ELEVEN_TO_ONE = new TimeWindow(NINE.plusSeconds(7200), NINE.plusSeconds(14400));

    private MongoServer server;
    private MongoClient client;
    private FleetProjection fleet;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        fleet = new FleetProjection(client.getDatabase("test"));
        fleet.on(registered("sedan", NANMING, "贵A·1", CarClass.SEDAN, 4), 0);
        fleet.on(registered("bus", NANMING, "贵A·2", CarClass.MINIBUS, 17), 0);
        fleet.on(registered("foreign", "bureau-yunyan", "贵A·3", CarClass.SEDAN, 4), 0);
        fleet.on(new DriverRegisteredEvent("d1", NANMING), 0);
        fleet.on(new DriverRegisteredEvent("d2", NANMING), 0);
    }

    private static VehicleRegisteredEvent registered(String id, String tenantId, String plate, CarClass carClass,
                                                     int seats) {
        return new VehicleRegisteredEvent(id, tenantId, plate, carClass, seats, EnergyType.GASOLINE, 20_000_000L,
                LocalDate.of(2022, 3, 1), null, new ParkingSpot(new GeoPoint(26.5683, 106.7135), 50));
    }

    @Test
    void sealedAndRetiredVehiclesAreNotDispatchableAndALiftedSealingEndsWhenLifted() {
        fleet.on(new VehicleSealedEvent("sedan", NANMING, "seal-1", new TimeWindow(NINE.minusSeconds(3600),
                NINE.plusSeconds(86400)), "元旦封存"), 1);
        fleet.on(new VehicleRetiredEvent("bus", NANMING, "报废"), 1);
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 2))).isEmpty();

        fleet.on(new VehicleUnsealedEvent("sedan", NANMING, "seal-1", NINE.minusSeconds(60), "抢险"), 2);
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 2)))
                .extracting(VehicleView::id).containsExactly("sedan");
        VehicleView sedan = fleet.handle(new FindFleetQuery(NANMING)).get(0);
        assertThat(sedan.sealings()).singleElement().satisfies(sealing -> {
            assertThat(sealing.period().end()).isEqualTo(NINE.minusSeconds(60));
            assertThat(sealing.liftReason()).isEqualTo("抢险");
        });
        assertThat(sedan.ledger().parkingSpot().radiusMetres()).isEqualTo(50);
        assertThat(fleet.handle(new FindFleetQuery(NANMING))).as("by plate: 贵A·1, then 贵A·2")
                .extracting(VehicleView::retired).containsExactly(false, true);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void freeVehiclesWithEnoughSeatsOfTheOwnBureau() {
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 2)))
                .extracting(VehicleView::id).containsExactly("sedan", "bus");
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 5)))
                .extracting(VehicleView::id).containsExactly("bus");
    }

    @Test
    void aReservedVehicleIsBusyOnlyForOverlappingPeriodsAndFreeAfterRelease() {
        fleet.on(new VehicleReservedEvent("sedan", NANMING, "o1", NINE_TO_ELEVEN), 1);

        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 1)))
                .extracting(VehicleView::id).containsExactly("bus");
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, ELEVEN_TO_ONE, 1)))
                .extracting(VehicleView::id).contains("sedan");

        fleet.on(new VehicleReleasedEvent("sedan", NANMING, "o1"), 2);
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 1)))
                .extracting(VehicleView::id).contains("sedan");
    }

    @Test
    void aReservedDriverIsNotAvailable() {
        fleet.on(new DriverReservedEvent("d1", NANMING, "o1", NINE_TO_ELEVEN), 1);

        assertThat(fleet.handle(new FindAvailableDriversQuery(NANMING, NINE_TO_ELEVEN)))
                .extracting(DriverView::id).containsExactly("d2");
        assertThat(fleet.handle(new FindAvailableDriversQuery("bureau-yunyan", NINE_TO_ELEVEN))).isEmpty();
    }

    @Test
    void theLicenceOnRecordIsTheNewestAndAReplayedEventChangesNothing() {
        fleet.on(new DriverLicenceRecordedEvent("d1", NANMING, DrivingLicenceClass.C1, LocalDate.of(2027, 1, 1)), 1);
        fleet.on(new DriverLicenceRecordedEvent("d1", NANMING, DrivingLicenceClass.B1, null), 2);
        fleet.on(new DriverLicenceRecordedEvent("d1", NANMING, DrivingLicenceClass.C1, LocalDate.of(2027, 1, 1)), 1);

        assertThat(fleet.handle(new FindDriversQuery(NANMING, null)))
                .containsExactly(new DriverView("d1", NANMING, DrivingLicenceClass.B1, null, 2),
                        new DriverView("d2", NANMING, null, null, 0));
        assertThat(fleet.handle(new FindDriversQuery(NANMING, List.of("d2", "x")))).extracting(DriverView::id)
                .containsExactly("d2");
        assertThat(fleet.handle(new FindDriversQuery("bureau-yunyan", List.of("d1")))).isEmpty();
    }
}
