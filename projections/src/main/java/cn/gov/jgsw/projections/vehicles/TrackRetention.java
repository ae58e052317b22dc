package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.TrackRetentionSetEvent;
import cn.gov.jgsw.projections.vehicles.api.FindTrackRetentionQuery;
import cn.gov.jgsw.projections.vehicles.api.TrackRetentionView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long each bureau keeps its tracks: the bureau's own setting ({@code track_retentions}, one document per bureau,
 * kept from its events) or the platform's ({@code jgsw.telemetry.retention}, 180 days).
 */
@Component
@ProcessingGroup(TrackRetention.PROCESSING_GROUP)
public class TrackRetention {

    public static final String PROCESSING_GROUP = "track-retentions";

    private final MongoCollection<Document> retentions;
    private final Duration platformDefault;

    public TrackRetention(MongoDatabase platformDatabase,
                          @Value("${jgsw.telemetry.retention:P180D}") Duration platformDefault) {
        this.retentions = platformDatabase.getCollection("track_retentions");
        this.platformDefault = platformDefault;
    }

    @EventHandler
    void on(TrackRetentionSetEvent event, @SequenceNumber long sequence) {
        Document current = retentions.find(Filters.eq("_id", event.tenantId())).first();
        if (current != null && current.getLong("version") >= sequence) {
            return;
        }
        retentions.replaceOne(Filters.eq("_id", event.tenantId()), new Document("_id", event.tenantId())
                .append("tenantId", event.tenantId()).append("days", event.days()).append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    /** The bureau's retention now. */
    public Duration of(String tenantId) {
        return handle(new FindTrackRetentionQuery(tenantId)).retention();
    }

    @QueryHandler
    TrackRetentionView handle(FindTrackRetentionQuery query) {
        Document own = retentions.find(Filters.eq("_id", query.tenantId())).first();
        return own == null ? new TrackRetentionView(platformDefault, null)
                : new TrackRetentionView(Duration.ofDays(own.getInteger("days")), own.getLong("version"));
    }
}
