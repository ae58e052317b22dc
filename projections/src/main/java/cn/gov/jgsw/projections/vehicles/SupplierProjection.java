package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignatedEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignationWithdrawnEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierKind;
import cn.gov.jgsw.projections.vehicles.api.FindSuppliersQuery;
import cn.gov.jgsw.projections.vehicles.api.SupplierView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code designated_suppliers}, one document per supplier, keyed by its id, index {@code {tenantId, name}}.
 * A replayed event finds its version applied already and changes nothing.
 */
@Component
@ProcessingGroup(SupplierProjection.PROCESSING_GROUP)
public class SupplierProjection {

    public static final String PROCESSING_GROUP = "suppliers";

    private final MongoCollection<Document> suppliers;

    public SupplierProjection(MongoDatabase platformDatabase) {
        this.suppliers = platformDatabase.getCollection("designated_suppliers");
        suppliers.createIndex(Indexes.ascending("tenantId", "name"));
    }

    @EventHandler
    void on(SupplierDesignatedEvent event, @SequenceNumber long sequence) {
        GeoPoint station = event.station();
        suppliers.replaceOne(Filters.eq("_id", event.supplierId()), new Document("_id", event.supplierId())
                        .append("tenantId", event.tenantId())
                        .append("kind", event.kind().name())
                        .append("name", event.name())
                        .append("station", station == null ? null
                                : new Document("latitude", station.latitude()).append("longitude", station.longitude()))
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(SupplierDesignationWithdrawnEvent event, @SequenceNumber long sequence) {
        suppliers.updateOne(Filters.and(Filters.eq("_id", event.supplierId()), Filters.lt("version", sequence)),
                Updates.combine(Updates.set("withdrawnReason", event.reason()), Updates.set("version", sequence)));
    }

    @QueryHandler
    List<SupplierView> handle(FindSuppliersQuery query) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenantId", query.tenantId())));
        if (query.kind() != null) {
            filters.add(Filters.eq("kind", query.kind().name()));
        }
        if (query.supplierIds() != null) {
            filters.add(Filters.in("_id", query.supplierIds()));
        }
        return suppliers.find(Filters.and(filters)).sort(Sorts.ascending("name", "_id"))
                .map(SupplierProjection::view).into(new ArrayList<>());
    }

    private static SupplierView view(Document d) {
        Document station = d.get("station", Document.class);
        return new SupplierView(d.getString("_id"), d.getString("tenantId"), SupplierKind.valueOf(d.getString("kind")),
                d.getString("name"), station == null ? null
                : new GeoPoint(station.getDouble("latitude"), station.getDouble("longitude")),
                d.getString("withdrawnReason"), d.get("version", Number.class).longValue());
    }
}
