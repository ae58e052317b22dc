package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.AwayTrips;
import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fences remember of a vehicle survives the round trip through MongoDB whole, per bureau. */
class FenceWatchesTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private FenceWatches watches;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        watches = new FenceWatches(client.getDatabase("test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static PositionFix fix(int second, double latitude) {
        return new PositionFix(T.plusSeconds(second), new GeoPoint(latitude, 106.7), 30.0, 5);
    }

    @Test
    void everyPartOfTheWatchIsKeptAndAnotherBureauSeesNone() {
        FenceRules.Watch watch = new FenceRules.Watch(T.plusSeconds(30), List.of(fix(10, 26.6), fix(20, 26.61)),
                VehicleRule.OFF_HOURS_USE, List.of(fix(30, 26.62)), true,
                new AwayTrips.State(fix(0, 26.5), fix(5, 26.5), List.of(fix(25, 26.7)), true));

        watches.save("bureau-nanming", Map.of("v1", watch));

        assertThat(watches.load("bureau-nanming", Set.of("v1"))).containsEntry("v1", watch);
        assertThat(watches.load("bureau-yunyan", Set.of("v1"))).isEmpty();
    }

    @Test
    void aFreshWatchRoundTripsToo() {
        watches.save("bureau-nanming", Map.of("v2", FenceRules.Watch.FRESH));
        assertThat(watches.load("bureau-nanming", Set.of("v2")).get("v2").trips()).isEqualTo(AwayTrips.State.FRESH);
    }
}
