package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracks over the real driver against the embedded server: first report wins, hours are read by id, purge by age. */
class VehicleTracksTest {

    private static final String NANMING = "bureau-nanming";
    private static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private VehicleTracks tracks;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        tracks = new VehicleTracks(client.getDatabase("test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static PositionFix at(Instant moment, double latitude) {
        return new PositionFix(moment, new GeoPoint(latitude, 106.7), 20.0, 5);
    }

    @Test
    void aMomentIsKeptOnceTheFirstReportWinsAndATrackSpansHours() {
        List<PositionFix> first = List.of(at(NINE.plusSeconds(3590), 26.50), at(NINE.plusSeconds(3610), 26.51));
        assertThat(tracks.store(NANMING, Map.of("v1", first), Map.of(), NINE).get("v1")).hasSize(2);

        Map<String, List<PositionFix>> again = tracks.store(NANMING, Map.of("v1", List.of(
                at(NINE.plusSeconds(3590), 27.0), at(NINE.plusSeconds(3620), 26.52))), Map.of(), NINE);
        assertThat(again.get("v1")).extracting(PositionFix::at).containsExactly(NINE.plusSeconds(3620));

        assertThat(tracks.track(NANMING, "v1", NINE, NINE.plus(Duration.ofHours(2))))
                .extracting(fix -> fix.point().latitude()).containsExactly(26.50, 26.51, 26.52);
        assertThat(tracks.track("bureau-yunyan", "v1", NINE, NINE.plus(Duration.ofHours(2)))).isEmpty();
    }

    /**
     * The CI flake of 2026-11-27: a batch with microsecond times whose newest fix fell alone into the next bucket was
     * kept again when resent, because the newest kept moment (in milliseconds) looked older than the fix.
     */
    @Test
    void aResentFixWithMicrosecondsAloneInTheNextBucketIsNotKeptAgain() {
        Instant boundary = NINE.plus(VehicleTracks.BUCKET);
        List<PositionFix> batch = List.of(at(boundary.minusMillis(20_000).plusNanos(123_456), 26.50),
                at(boundary.plusMillis(5_000).plusNanos(654_321), 26.51));
        assertThat(tracks.store(NANMING, Map.of("v1", batch), Map.of(), NINE).get("v1")).hasSize(2);

        Instant newestKept = Instant.ofEpochMilli(batch.get(1).at().toEpochMilli());
        assertThat(tracks.store(NANMING, Map.of("v1", batch), Map.of("v1", newestKept), NINE)).isEmpty();
    }

    @Test
    void purgingDeletesTheHoursThatEndedBeforeTheCutOffOnly() {
        tracks.store(NANMING, Map.of("v1", List.of(at(NINE, 26.5), at(NINE.plus(Duration.ofHours(5)), 26.6))),
                Map.of(), NINE);
        tracks.store("bureau-yunyan", Map.of("v9", List.of(at(NINE, 26.5))), Map.of(), NINE);

        assertThat(tracks.purge(NANMING, NINE.plus(Duration.ofHours(3)))).isEqualTo(1);

        assertThat(tracks.track(NANMING, "v1", NINE, NINE.plus(Duration.ofHours(6)))).hasSize(1);
        assertThat(tracks.track("bureau-yunyan", "v9", NINE, NINE.plus(Duration.ofHours(1)))).hasSize(1);
    }
}
