package cn.gov.jgsw.projections.fleet;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DriverRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.DriverReservedEvent;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleRegisteredEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReleasedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleReservedEvent;
import cn.gov.jgsw.projections.fleet.api.DriverView;
import cn.gov.jgsw.projections.fleet.api.FindAvailableDriversQuery;
import cn.gov.jgsw.projections.fleet.api.FindDispatchableVehiclesQuery;
import cn.gov.jgsw.projections.fleet.api.VehicleView;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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
        fleet.on(new VehicleRegisteredEvent("sedan", NANMING, "贵A·1", CarClass.SEDAN, 4));
        fleet.on(new VehicleRegisteredEvent("bus", NANMING, "贵A·2", CarClass.MINIBUS, 17));
        fleet.on(new VehicleRegisteredEvent("foreign", "bureau-yunyan", "贵A·3", CarClass.SEDAN, 4));
        fleet.on(new DriverRegisteredEvent("d1", NANMING));
        fleet.on(new DriverRegisteredEvent("d2", NANMING));
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
        fleet.on(new VehicleReservedEvent("sedan", NANMING, "o1", NINE_TO_ELEVEN));

        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 1)))
                .extracting(VehicleView::id).containsExactly("bus");
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, ELEVEN_TO_ONE, 1)))
                .extracting(VehicleView::id).contains("sedan");

        fleet.on(new VehicleReleasedEvent("sedan", NANMING, "o1"));
        assertThat(fleet.handle(new FindDispatchableVehiclesQuery(NANMING, NINE_TO_ELEVEN, 1)))
                .extracting(VehicleView::id).contains("sedan");
    }

    @Test
    void aReservedDriverIsNotAvailable() {
        fleet.on(new DriverReservedEvent("d1", NANMING, "o1", NINE_TO_ELEVEN));

        assertThat(fleet.handle(new FindAvailableDriversQuery(NANMING, NINE_TO_ELEVEN)))
                .extracting(DriverView::id).containsExactly("d2");
        assertThat(fleet.handle(new FindAvailableDriversQuery("bureau-yunyan", NINE_TO_ELEVEN))).isEmpty();
    }
}
