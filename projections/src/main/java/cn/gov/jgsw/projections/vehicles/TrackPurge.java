package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.projections.scheduling.PeriodicJob;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the tracks each bureau keeps no longer (PIPL: personal data deleted when its purpose is served). Runs every
 * {@code jgsw.telemetry.purge-interval} (an hour); deleting is idempotent, so two nodes running it do no harm.
 */
@Component
public class TrackPurge extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(TrackPurge.class);

    private final MongoCollection<Document> buckets;
    private final VehicleTracks tracks;
    private final TrackRetention retention;
    private final Clock clock;

    public TrackPurge(MongoDatabase platformDatabase, VehicleTracks tracks, TrackRetention retention, Clock clock,
                      @Value("${jgsw.telemetry.purge-interval:PT1H}") Duration interval) {
        super("track-purge", interval);
        this.buckets = platformDatabase.getCollection(VehicleTracks.COLLECTION);
        this.tracks = tracks;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void runOnce() {
        Instant now = clock.instant();
        List<String> bureaus = buckets.distinct("tenantId", String.class).into(new ArrayList<>());
        for (String tenantId : bureaus) {
            long deleted = tracks.purge(tenantId, now.minus(retention.of(tenantId)));
            if (deleted > 0) {
                log.info("Deleted {} hours of tracks of {} past its retention", deleted, tenantId);
            }
        }
    }
}
