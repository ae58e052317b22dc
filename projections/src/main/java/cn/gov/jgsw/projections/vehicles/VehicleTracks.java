package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vehicles' tracks (行驶轨迹), time-series data kept apart from the event log (ARCHITECTURE.md: positions are not
 * events). One document per vehicle and ten minutes ("bucket"), {@code vehicle_tracks}:
 * {@code _id = tenant|vehicle|bucket}, the fixes keyed by their epoch milliseconds. So a batch is a few upserts by id,
 * reading a trip is a few reads by id (the embedded server scans on anything but {@code _id}), and a fix reported
 * twice for the same moment is kept once: the first report wins. Buckets stay small (a terminal reporting every 10 s
 * fills one with 60 fixes), because every update rewrites its document. Index for retention on real MongoDB:
 * {@code {tenantId: 1, start: 1}}.
 */
@Component
public class VehicleTracks {

    static final String COLLECTION = "vehicle_tracks";
    static final Duration BUCKET = Duration.ofMinutes(10);
    private static final long BUCKET_MILLIS = BUCKET.toMillis();

    private final MongoCollection<Document> buckets;

    public VehicleTracks(MongoDatabase platformDatabase) {
        this.buckets = platformDatabase.getCollection(COLLECTION);
        buckets.createIndex(Indexes.ascending("tenantId", "start"));
    }

    /**
     * Keeps the fixes not kept before and answers them, per vehicle, oldest first. A fix whose moment the vehicle's
     * track already has (a retried batch, a terminal sending twice) is not written again.
     *
     * @param newestKept per vehicle, the newest moment known to be kept; fixes after it are new without looking, so
     *                   only late and repeated fixes cost a read (an absent vehicle is looked up in full)
     */
    public Map<String, List<PositionFix>> store(String tenantId, Map<String, List<PositionFix>> byVehicle,
                                                Map<String, Instant> newestKept, Instant receivedAt) {
        Map<String, Map<String, PositionFix>> byBucket = new LinkedHashMap<>();
        Map<String, String> vehicleOfBucket = new LinkedHashMap<>();
        byVehicle.forEach((vehicleId, fixes) -> fixes.forEach(fix -> {
            String bucket = bucketId(tenantId, vehicleId, fix.at());
            vehicleOfBucket.put(bucket, vehicleId);
            byBucket.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                    .putIfAbsent(Long.toString(fix.at().toEpochMilli()), fix);
        }));
        Set<String> toLookUp = new HashSet<>();
        byVehicle.forEach((vehicleId, fixes) -> fixes.forEach(fix -> {
            // Compared in whole milliseconds, the precision a moment is kept in: a fix reported with microseconds
            // is not newer than itself kept.
            Instant newest = newestKept.get(vehicleId);
            if (newest == null || fix.at().toEpochMilli() <= newest.toEpochMilli()) {
                toLookUp.add(bucketId(tenantId, vehicleId, fix.at()));
            }
        }));
        Map<String, Set<String>> kept = toLookUp.isEmpty() ? Map.of() : keptMoments(toLookUp);
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, List<PositionFix>> fresh = new LinkedHashMap<>();
        byBucket.forEach((bucket, fixes) -> {
            Set<String> already = kept.getOrDefault(bucket, Set.of());
            List<Bson> sets = new ArrayList<>();
            fixes.forEach((moment, fix) -> {
                if (!already.contains(moment)) {
                    sets.add(Updates.set("fixes." + moment, document(fix, receivedAt)));
                    fresh.computeIfAbsent(vehicleOfBucket.get(bucket), v -> new ArrayList<>()).add(fix);
                }
            });
            if (!sets.isEmpty()) {
                PositionFix any = fixes.values().iterator().next();
                int added = sets.size();
                sets.add(Updates.setOnInsert("tenantId", tenantId));
                sets.add(Updates.setOnInsert("vehicleId", vehicleOfBucket.get(bucket)));
                sets.add(Updates.setOnInsert("start", new Date(bucketOf(any.at()) * BUCKET_MILLIS)));
                sets.add(Updates.inc("count", added));
                writes.add(new UpdateOneModel<>(Filters.eq("_id", bucket), Updates.combine(sets),
                        new UpdateOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            buckets.bulkWrite(writes);
        }
        fresh.values().forEach(fixes -> fixes.sort(Comparator.comparing(PositionFix::at)));
        return fresh;
    }

    /** The vehicle's fixes from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<PositionFix> track(String tenantId, String vehicleId, Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        for (long bucket = bucketOf(from); bucket <= bucketOf(to.minusMillis(1)); bucket++) {
            ids.add(tenantId + "|" + vehicleId + "|" + bucket);
        }
        List<PositionFix> fixes = new ArrayList<>();
        buckets.find(Filters.and(Filters.in("_id", ids), Filters.eq("tenantId", tenantId))).forEach(bucket -> {
            Document kept = bucket.get("fixes", Document.class);
            kept.forEach((moment, fix) -> {
                Instant at = Instant.ofEpochMilli(Long.parseLong(moment));
                if (!at.isBefore(from) && at.isBefore(to)) {
                    fixes.add(FixDocuments.fix(at, (Document) fix));
                }
            });
        });
        fixes.sort(Comparator.comparing(PositionFix::at));
        return fixes;
    }

    /** Deletes the bureau's buckets that ended before {@code before}; answers how many went. */
    public long purge(String tenantId, Instant before) {
        return buckets.deleteMany(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.lte("start", Date.from(before.minus(BUCKET))))).getDeletedCount();
    }

    private Map<String, Set<String>> keptMoments(Set<String> bucketIds) {
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        buckets.find(Filters.in("_id", bucketIds)).projection(Projections.include("fixes")).forEach(bucket -> {
            Document fixes = bucket.get("fixes", Document.class);
            kept.put(bucket.getString("_id"), fixes == null ? Set.of() : new HashSet<>(fixes.keySet()));
        });
        return kept;
    }

    static String bucketId(String tenantId, String vehicleId, Instant at) {
        return tenantId + "|" + vehicleId + "|" + bucketOf(at);
    }

    private static long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), BUCKET_MILLIS);
    }

    private static Document document(PositionFix fix, Instant receivedAt) {
        return FixDocuments.withoutMoment(fix).append("receivedAt", Date.from(receivedAt));
    }
}
