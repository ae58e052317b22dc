package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.AwayTrips;
import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fences remember of each vehicle between batches ({@link FenceRules.Watch}), in
 * {@code vehicle_fence_watches}: one small document per vehicle, read and written by id.
 */
@Component
public class FenceWatches {

    private final MongoCollection<Document> watches;

    public FenceWatches(MongoDatabase platformDatabase) {
        this.watches = platformDatabase.getCollection("vehicle_fence_watches");
    }

    public Map<String, FenceRules.Watch> load(String tenantId, Collection<String> vehicleIds) {
        Map<String, FenceRules.Watch> found = new HashMap<>();
        watches.find(Filters.and(Filters.in("_id", vehicleIds.stream().map(v -> id(tenantId, v)).toList()),
                Filters.eq("tenantId", tenantId))).forEach(watch -> found.put(watch.getString("vehicleId"),
                new FenceRules.Watch(instant(watch.getDate("lastFixAt")),
                        watch.getList("outside", Document.class, List.of()).stream().map(FixDocuments::fix).toList(),
                        watch.getString("openEpisode") == null ? null
                                : VehicleRule.valueOf(watch.getString("openEpisode")),
                        watch.getList("outsideArea", Document.class, List.of()).stream().map(FixDocuments::fix)
                                .toList(),
                        watch.getBoolean("areaAlerted", false), trips(watch.get("trips", Document.class)))));
        return found;
    }

    private static AwayTrips.State trips(Document trips) {
        if (trips == null) {
            return AwayTrips.State.FRESH;
        }
        Document rest = trips.get("rest", Document.class);
        Document still = trips.get("still", Document.class);
        return new AwayTrips.State(rest == null ? null : FixDocuments.fix(rest),
                still == null ? null : FixDocuments.fix(still),
                trips.getList("moving", Document.class, List.of()).stream().map(FixDocuments::fix).toList(),
                trips.getBoolean("alerted", false));
    }

    private static Document of(AwayTrips.State trips) {
        return new Document("rest", trips.rest() == null ? null : FixDocuments.of(trips.rest()))
                .append("still", trips.still() == null ? null : FixDocuments.of(trips.still()))
                .append("moving", trips.moving().stream().map(FixDocuments::of).toList())
                .append("alerted", trips.alerted());
    }

    public void save(String tenantId, Map<String, FenceRules.Watch> byVehicle) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        byVehicle.forEach((vehicleId, watch) -> writes.add(new ReplaceOneModel<>(
                Filters.eq("_id", id(tenantId, vehicleId)), new Document("_id", id(tenantId, vehicleId))
                        .append("tenantId", tenantId)
                        .append("vehicleId", vehicleId)
                        .append("lastFixAt", watch.lastFixAt() == null ? null : Date.from(watch.lastFixAt()))
                        .append("outside", watch.outside().stream().map(FixDocuments::of).toList())
                        .append("openEpisode", watch.openEpisode() == null ? null : watch.openEpisode().name())
                        .append("outsideArea", watch.outsideArea().stream().map(FixDocuments::of).toList())
                        .append("areaAlerted", watch.areaAlerted())
                        .append("trips", of(watch.trips())),
                new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            watches.bulkWrite(writes);
        }
    }

    private static String id(String tenantId, String vehicleId) {
        return tenantId + "|" + vehicleId;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
