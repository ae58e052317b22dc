package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.projections.vehicles.api.FindLastPositionsQuery;
import cn.gov.jgsw.projections.vehicles.api.LastPositionsView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each vehicle's newest position, for the dispatcher's fleet board: {@code vehicle_last_positions}, one small document
 * per vehicle, read and written by id and replaced only by a newer fix.
 */
@Component
public class LastPositionStore {

    private final MongoCollection<Document> positions;

    public LastPositionStore(MongoDatabase platformDatabase) {
        this.positions = platformDatabase.getCollection("vehicle_last_positions");
    }

    /** @param newest per vehicle, its newest fix of a batch */
    void advance(String tenantId, Map<String, PositionFix> newest) {
        Map<String, PositionFix> known = handle(new FindLastPositionsQuery(tenantId, newest.keySet())).byVehicle();
        List<WriteModel<Document>> writes = new ArrayList<>();
        newest.forEach((vehicleId, fix) -> {
            PositionFix before = known.get(vehicleId);
            if (before == null || fix.at().isAfter(before.at())) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id(tenantId, vehicleId)),
                        FixDocuments.of(fix).append("_id", id(tenantId, vehicleId)).append("tenantId", tenantId)
                                .append("vehicleId", vehicleId), new ReplaceOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            positions.bulkWrite(writes);
        }
    }

    @QueryHandler
    LastPositionsView handle(FindLastPositionsQuery query) {
        Map<String, PositionFix> found = new HashMap<>();
        positions.find(Filters.and(Filters.in("_id", query.vehicleIds().stream()
                                .map(vehicleId -> id(query.tenantId(), vehicleId)).toList()),
                        Filters.eq("tenantId", query.tenantId())))
                .forEach(position -> found.put(position.getString("vehicleId"), FixDocuments.fix(position)));
        return new LastPositionsView(found);
    }

    private static String id(String tenantId, String vehicleId) {
        return tenantId + "|" + vehicleId;
    }
}
