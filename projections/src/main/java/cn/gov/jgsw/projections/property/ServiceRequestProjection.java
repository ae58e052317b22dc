package cn.gov.jgsw.projections.property;

import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.property.api.CostApprovalIds;
import cn.gov.jgsw.domain.property.api.CostApprovalOutcome;
import cn.gov.jgsw.domain.property.api.PropertyServiceRequestedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCategory;
import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCostSettledEvent;
import cn.gov.jgsw.domain.property.api.ServiceLevelBreachedEvent;
import cn.gov.jgsw.domain.property.api.ServicePhotoAttachedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestAcceptedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestConfirmedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestReopenedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestStatus;
import cn.gov.jgsw.domain.property.api.ServiceWorkFinishedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkStartedEvent;
import cn.gov.jgsw.domain.property.api.Urgency;
import cn.gov.jgsw.projections.paging.ListPositions;
import cn.gov.jgsw.projections.property.api.FindServiceRequestQuery;
import cn.gov.jgsw.projections.property.api.FindServiceRequestsByIdQuery;
import cn.gov.jgsw.projections.property.api.FindServiceRequestsQuery;
import cn.gov.jgsw.projections.property.api.ServiceRequestPage;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
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
 * Keeps {@code service_requests} (one document per request, tenant-scoped) and {@code service_level_clocks} (one per
 * request that is still running against its due time: {@code {_id: requestId, tenantId, dueAt}}), which the
 * {@link ServiceLevelClock} reads. A clock is removed when the work is finished or the breach recorded, and comes back
 * when the requester reopens unbreached work. Indexes: unique {@code {tenantId: 1, _id: 1}}; lists by
 * {@code {tenantId: 1, requesterId: 1, requestedAt: -1}} and {@code {tenantId: 1, status: 1, requestedAt: -1}}.
 * The stored version guards against applying an event twice.
 */
@Component
@ProcessingGroup(ServiceRequestProjection.PROCESSING_GROUP)
public class ServiceRequestProjection {

    public static final String PROCESSING_GROUP = "service-requests";

    /** The read model's collection. */
    public static final String COLLECTION = "service_requests";

    private final MongoCollection<Document> requests;
    private final MongoCollection<Document> clocks;

    /** Read in pages by its screens (my requests, the property staff's work lists). */
    @Bean
    static PagedCollection serviceRequestProjectionPages() {
        return PagedCollection.of(COLLECTION);
    }

    public ServiceRequestProjection(MongoDatabase platformDatabase) {
        this.requests = platformDatabase.getCollection(COLLECTION);
        this.clocks = platformDatabase.getCollection(ServiceLevelClock.CLOCKS);
        requests.createIndex(Indexes.ascending("tenantId", "_id"), new IndexOptions().unique(true));
        requests.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "requesterId"),
                Indexes.descending("requestedAt")));
        requests.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "status"),
                Indexes.descending("requestedAt")));
    }

    @EventHandler
    void on(PropertyServiceRequestedEvent event, @SequenceNumber long sequence) {
        requests.replaceOne(Filters.eq("_id", event.requestId()), new Document("_id", event.requestId())
                        .append("tenantId", event.tenantId())
                        .append("requesterId", event.requesterId())
                        .append("category", event.category().name())
                        .append("building", event.building())
                        .append("room", event.room())
                        .append("description", event.description())
                        .append("urgency", event.urgency().name())
                        .append("status", ServiceRequestStatus.REQUESTED.name())
                        .append("requestedAt", Date.from(event.requestedAt()))
                        .append("dueAt", Date.from(event.dueAt()))
                        .append("dueBasis", event.dueBasis())
                        .append("serviceLevelBreached", false)
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
        startClock(event.requestId(), event.tenantId(), event.dueAt(), sequence);
    }

    @EventHandler
    void on(ServiceRequestAcceptedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.combine(
                status(ServiceRequestStatus.ACCEPTED), Updates.set("assigneeId", event.assigneeId()),
                Updates.set("acceptedBy", event.acceptedBy())));
    }

    @EventHandler
    void on(ServiceWorkStartedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, status(ServiceRequestStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(ServiceWorkFinishedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.combine(status(ServiceRequestStatus.FINISHED),
                Updates.set("finishNote", event.note()), Updates.set("finishedAt", Date.from(event.finishedAt()))));
        clocks.deleteOne(Filters.eq("_id", event.requestId()));
    }

    @EventHandler
    void on(ServiceCostQuotedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.combine(
                status(ServiceRequestStatus.AWAITING_COST_APPROVAL),
                Updates.push("costQuotes", new Document("number", event.quoteNumber())
                        .append("costFen", event.costFen())
                        .append("note", event.note())
                        .append("approvalId", CostApprovalIds.of(event.requestId(), event.quoteNumber())))));
    }

    /** Settles the quote in the stored list: read, changed and written whole, guarded by the version like any step. */
    @EventHandler
    void on(ServiceCostSettledEvent event, @SequenceNumber long sequence) {
        Document request = TenantDocuments.find(requests, event.tenantId(), event.requestId());
        if (request == null) {
            return;
        }
        List<Document> quotes = new ArrayList<>(request.getList("costQuotes", Document.class, List.of()));
        quotes.replaceAll(quote -> quote.getInteger("number") == event.quoteNumber()
                ? new Document(quote).append("outcome", event.outcome().name())
                        .append("decisionComment", event.comment())
                : quote);
        long approved = request.get("approvedCostFen", 0L)
                + (event.outcome() == CostApprovalOutcome.APPROVED ? event.costFen() : 0L);
        update(event.tenantId(), event.requestId(), sequence, Updates.combine(
                status(ServiceRequestStatus.ACCEPTED), Updates.set("costQuotes", quotes),
                Updates.set("approvedCostFen", approved)));
    }

    @EventHandler
    void on(ServiceRequestConfirmedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.combine(status(ServiceRequestStatus.CONFIRMED),
                Updates.set("rating", event.rating()), Updates.set("confirmComment", event.comment())));
    }

    @EventHandler
    void on(ServiceRequestReopenedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.combine(status(ServiceRequestStatus.ACCEPTED),
                Updates.set("reopenReason", event.reason()), Updates.unset("finishNote"),
                Updates.unset("finishedAt")));
        Document request = requests.find(Filters.eq("_id", event.requestId())).first();
        if (request != null && !request.getBoolean("serviceLevelBreached")) {
            startClock(event.requestId(), event.tenantId(), request.getDate("dueAt").toInstant(), sequence);
        }
    }

    @EventHandler
    void on(ServicePhotoAttachedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.push("photos", new Document("_id", event.photoId())
                .append("contentType", event.contentType())
                .append("sizeBytes", event.sizeBytes())
                .append("sha256", event.sha256())));
    }

    @EventHandler
    void on(ServiceLevelBreachedEvent event, @SequenceNumber long sequence) {
        update(event.tenantId(), event.requestId(), sequence, Updates.set("serviceLevelBreached", true));
        clocks.deleteOne(Filters.eq("_id", event.requestId()));
    }

    /** {@code startedAt}: the request's version that started the clock, so the clock can tell a newer one apart. */
    private void startClock(String requestId, String tenantId, Instant dueAt, long startedAt) {
        clocks.replaceOne(Filters.eq("_id", requestId), new Document("_id", requestId)
                        .append("tenantId", tenantId)
                        .append("dueAt", Date.from(dueAt))
                        .append("startedAt", startedAt),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    Optional<ServiceRequestView> handle(FindServiceRequestQuery query) {
        return Optional.ofNullable(TenantDocuments.find(requests, query.tenantId(), query.requestId()))
                .map(ServiceRequestProjection::view);
    }

    @QueryHandler
    List<ServiceRequestView> handle(FindServiceRequestsByIdQuery query) {
        return requests.find(Filters.and(Filters.eq("tenantId", query.tenantId()),
                        Filters.in("_id", query.requestIds())))
                .map(ServiceRequestProjection::view).into(new ArrayList<>());
    }

    @QueryHandler
    ServiceRequestPage handle(FindServiceRequestsQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenantId", query.tenantId()));
        switch (query.list()) {
            case REQUESTED_BY -> filters.add(Filters.eq("requesterId", query.personId()));
            case WORK_QUEUE -> filters.add(Filters.or(
                    Filters.eq("status", ServiceRequestStatus.REQUESTED.name()),
                    Filters.and(Filters.eq("assigneeId", query.personId()), Filters.in("status",
                            ServiceRequestStatus.ACCEPTED.name(), ServiceRequestStatus.AWAITING_COST_APPROVAL.name(),
                            ServiceRequestStatus.IN_PROGRESS.name()))));
        }
        if (query.afterPosition() != null) {
            filters.add(ListPositions.after(query.afterPosition(), "requestedAt", true));
        }
        List<ServiceRequestView> found = requests.find(Filters.and(filters))
                .sort(Sorts.descending("requestedAt", "_id")).limit(query.limit() + 1)
                .map(ServiceRequestProjection::view).into(new ArrayList<>());
        boolean hasMore = found.size() > query.limit();
        return new ServiceRequestPage(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    private void update(String tenantId, String requestId, long sequence, Bson changes) {
        TenantDocuments.updateIfOlder(requests, tenantId, requestId, sequence,
                Updates.combine(changes, Updates.set("version", sequence)));
    }

    private static Bson status(ServiceRequestStatus status) {
        return Updates.set("status", status.name());
    }

    private static ServiceRequestView view(Document d) {
        Instant requestedAt = d.getDate("requestedAt").toInstant();
        return new ServiceRequestView(d.getString("_id"), d.getString("tenantId"), d.getString("requesterId"),
                ServiceCategory.valueOf(d.getString("category")), d.getString("building"), d.getString("room"),
                d.getString("description"), Urgency.valueOf(d.getString("urgency")),
                ServiceRequestStatus.valueOf(d.getString("status")), requestedAt, d.getDate("dueAt").toInstant(),
                d.getString("dueBasis"), d.getString("assigneeId"), d.getString("finishNote"),
                d.getDate("finishedAt") == null ? null : d.getDate("finishedAt").toInstant(), d.getInteger("rating"),
                d.getString("confirmComment"), d.getString("reopenReason"), d.getBoolean("serviceLevelBreached"),
                d.getList("photos", Document.class, List.of()).stream().map(photo -> new ServiceRequestView.Photo(
                        photo.getString("_id"), photo.getString("contentType"), photo.getLong("sizeBytes"),
                        photo.getString("sha256"))).toList(),
                d.getList("costQuotes", Document.class, List.of()).stream().map(quote -> new ServiceRequestView.CostQuote(
                        quote.getInteger("number"), quote.getLong("costFen"), quote.getString("note"),
                        quote.getString("approvalId"), quote.getString("outcome") == null ? null
                                : CostApprovalOutcome.valueOf(quote.getString("outcome")),
                        quote.getString("decisionComment"))).toList(),
                d.get("approvedCostFen", 0L),
                ListPositions.of(requestedAt, d.getString("_id")), d.getLong("version"));
    }
}
