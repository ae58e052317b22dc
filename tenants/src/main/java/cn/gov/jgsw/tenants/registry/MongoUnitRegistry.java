package cn.gov.jgsw.tenants.registry;

import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.tenants.api.UnitDirectory;
import cn.gov.jgsw.tenants.api.UnitView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The units of every bureau, in the {@code units} collection, always queried by tenant first.
 * Index: {@code {tenantId: 1, _id: 1}} serves both the single look-up and the paged listing.
 */
@Component
public class MongoUnitRegistry implements UnitDirectory {

    /** The registry's collection. */
    public static final String COLLECTION = "units";

    private final MongoCollection<Document> units;

    /** Read in pages by the units screen. */
    @Bean
    static PagedCollection unitPages() {
        return PagedCollection.of(COLLECTION);
    }

    public MongoUnitRegistry(MongoDatabase platformDatabase) {
        this.units = platformDatabase.getCollection(COLLECTION);
        units.createIndex(Indexes.ascending("tenantId", "_id"));
    }

    public void register(UnitView unit) {
        units.replaceOne(Filters.eq("_id", unit.id()),
                new Document("_id", unit.id()).append("tenantId", unit.tenantId()).append("name", unit.name()),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<UnitView> findUnit(String tenantId, String unitId) {
        Document found = TenantDocuments.find(units, tenantId, unitId);
        return Optional.ofNullable(found).map(MongoUnitRegistry::unit);
    }

    @Override
    public List<UnitView> units(String tenantId, String afterUnitId, int limit) {
        Bson filter = afterUnitId == null
                ? Filters.eq("tenantId", tenantId)
                : Filters.and(Filters.eq("tenantId", tenantId), Filters.gt("_id", afterUnitId));
        return units.find(filter).sort(Sorts.ascending("_id")).limit(limit)
                .map(MongoUnitRegistry::unit).into(new ArrayList<>());
    }

    private static UnitView unit(Document document) {
        return new UnitView(document.getString("_id"), document.getString("tenantId"), document.getString("name"));
    }
}
