package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.vehicles.api.AlertDisposition;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.VehicleAlertDisposedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleAlertRaisedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleAlertCaseQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleAlertCasesQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleAlertCasePage;
import cn.gov.jgsw.projections.vehicles.api.VehicleAlertCaseView;
import cn.gov.jgsw.projections.paging.ListPositions;
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
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@code vehicle_alert_cases}: one document per case, tenant-scoped, guarded by the case's event sequence.
 * Index: {@code {tenantId: 1, open: 1, raisedAt: -1}} for the bureau's newest-first lists.
 */
@Component
@ProcessingGroup(VehicleAlertCaseProjection.PROCESSING_GROUP)
public class VehicleAlertCaseProjection {

    public static final String PROCESSING_GROUP = "vehicle-alert-cases";

    /** The read model's collection. */
    public static final String COLLECTION = "vehicle_alert_cases";

    private final MongoCollection<Document> cases;

    /** Read in pages by its screens (the alert cases of a bureau, open first). */
    @Bean
    static PagedCollection vehicleAlertCaseProjectionPages() {
        return PagedCollection.of(COLLECTION);
    }

    public VehicleAlertCaseProjection(MongoDatabase platformDatabase) {
        this.cases = platformDatabase.getCollection(COLLECTION);
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "open"),
                Indexes.descending("raisedAt")));
    }

    @EventHandler
    void on(VehicleAlertRaisedEvent event, @SequenceNumber long sequence) {
        cases.replaceOne(Filters.eq("_id", event.caseId()), new Document("_id", event.caseId())
                        .append("tenantId", event.tenantId())
                        .append("vehicleId", event.vehicleId())
                        .append("rule", event.rule().name())
                        .append("ruleVersion", event.ruleVersion())
                        .append("fixes", event.fixes().stream().map(FixDocuments::of).toList())
                        .append("worstAccuracyMetres", event.worstAccuracyMetres())
                        .append("evidence", event.evidence())
                        .append("raisedAt", Date.from(event.fixes().get(0).at()))
                        .append("open", true)
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(VehicleAlertDisposedEvent event, @SequenceNumber long sequence) {
        TenantDocuments.updateIfOlder(cases, event.tenantId(), event.caseId(), sequence,
                Updates.combine(Updates.set("open", false), Updates.set("disposition", event.disposition().name()),
                        Updates.set("dispositionReason", event.reason()), Updates.set("disposedBy", event.adminId()),
                        Updates.set("version", sequence)));
    }

    @QueryHandler
    Optional<VehicleAlertCaseView> handle(FindVehicleAlertCaseQuery query) {
        return Optional.ofNullable(TenantDocuments.find(cases, query.tenantId(), query.caseId()))
                .map(VehicleAlertCaseProjection::view);
    }

    @QueryHandler
    VehicleAlertCasePage handle(FindVehicleAlertCasesQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenantId", query.tenantId()));
        if (query.openOnly()) {
            filters.add(Filters.eq("open", true));
        }
        if (query.afterPosition() != null) {
            filters.add(ListPositions.after(query.afterPosition(), "raisedAt", true));
        }
        List<VehicleAlertCaseView> found = cases.find(Filters.and(filters))
                .sort(Sorts.descending("raisedAt", "_id")).limit(query.limit() + 1)
                .map(VehicleAlertCaseProjection::view).into(new ArrayList<>());
        boolean hasMore = found.size() > query.limit();
        return new VehicleAlertCasePage(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    private static VehicleAlertCaseView view(Document d) {
        Instant raisedAt = d.getDate("raisedAt").toInstant();
        List<PositionFix> fixes = d.getList("fixes", Document.class).stream().map(FixDocuments::fix).toList();
        return new VehicleAlertCaseView(d.getString("_id"), d.getString("tenantId"), d.getString("vehicleId"),
                VehicleRule.valueOf(d.getString("rule")), d.getInteger("ruleVersion"), fixes,
                ((Number) d.get("worstAccuracyMetres")).doubleValue(), d.getString("evidence"), raisedAt,
                d.getString("disposition") == null ? null : AlertDisposition.valueOf(d.getString("disposition")),
                d.getString("dispositionReason"), d.getString("disposedBy"),
                ListPositions.of(raisedAt, d.getString("_id")), d.getLong("version"));
    }
}
