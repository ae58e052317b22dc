package cn.gov.jgsw.projections.property;

import cn.gov.jgsw.domain.property.api.ServiceLevelTargetsSetEvent;
import cn.gov.jgsw.projections.property.api.FindServiceLevelTargetsQuery;
import cn.gov.jgsw.projections.property.api.ServiceLevelTargetsView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps {@code service_level_targets}: one document per bureau that set its own, {@code {_id: tenantId,
 * emergencyWithinHours, urgentWorkingDays, normalWorkingDays, version}}; found by {@code _id}.
 */
@Component
@ProcessingGroup(BureauServiceLevelsProjection.PROCESSING_GROUP)
public class BureauServiceLevelsProjection {

    public static final String PROCESSING_GROUP = "service-levels";

    private final MongoCollection<Document> targets;

    public BureauServiceLevelsProjection(MongoDatabase platformDatabase) {
        this.targets = platformDatabase.getCollection("service_level_targets");
    }

    @EventHandler
    void on(ServiceLevelTargetsSetEvent event, @SequenceNumber long sequence) {
        Document current = targets.find(Filters.eq("_id", event.tenantId())).first();
        if (current != null && current.getLong("version") >= sequence) {
            return;
        }
        targets.replaceOne(Filters.eq("_id", event.tenantId()), new Document("_id", event.tenantId())
                        .append("emergencyWithinHours", event.emergencyWithinHours())
                        .append("urgentWorkingDays", event.urgentWorkingDays())
                        .append("normalWorkingDays", event.normalWorkingDays())
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    Optional<ServiceLevelTargetsView> handle(FindServiceLevelTargetsQuery query) {
        return Optional.ofNullable(targets.find(Filters.eq("_id", query.tenantId())).first())
                .map(found -> new ServiceLevelTargetsView(found.getInteger("emergencyWithinHours"),
                        found.getInteger("urgentWorkingDays"), found.getInteger("normalWorkingDays"),
                        found.getLong("version")));
    }
}
