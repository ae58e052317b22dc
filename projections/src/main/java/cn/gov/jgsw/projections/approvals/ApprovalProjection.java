package cn.gov.jgsw.projections.approvals;

import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.approvals.api.ApprovalDelegatedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalGivenEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestSubmittedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepCompletedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepPlan;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.projections.approvals.api.ApprovalPage;
import cn.gov.jgsw.projections.approvals.api.ApprovalStatus;
import cn.gov.jgsw.projections.approvals.api.ApprovalView;
import cn.gov.jgsw.projections.approvals.api.FindApprovalQuery;
import cn.gov.jgsw.projections.approvals.api.FindPendingApprovalsQuery;
import cn.gov.jgsw.projections.paging.ListPositions;
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
import org.axonframework.eventhandling.Timestamp;
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
 * Keeps {@code approval_requests}, the inbox: one document per request with its steps, its status and who still has to
 * act at the current step ({@code waiting}), which follows the same rules as the aggregate (joint sign-off waits for
 * everybody, any-one sign-off for one, a delegate takes the place of who handed over). Indexes: unique
 * {@code {tenantId: 1, _id: 1}}; the inbox by {@code {tenantId: 1, waiting: 1, submittedAt: -1}}. The stored version
 * guards against applying an event twice.
 */
@Component
@ProcessingGroup(ApprovalProjection.PROCESSING_GROUP)
public class ApprovalProjection {

    public static final String PROCESSING_GROUP = "approvals";

    /** The read model's collection. */
    public static final String COLLECTION = "approval_requests";

    private final MongoCollection<Document> approvals;

    /** Read in pages by its screens (the approvers' inbox and the requesters' approvals). */
    @Bean
    static PagedCollection approvalProjectionPages() {
        return PagedCollection.of(COLLECTION);
    }

    public ApprovalProjection(MongoDatabase platformDatabase) {
        this.approvals = platformDatabase.getCollection(COLLECTION);
        approvals.createIndex(Indexes.ascending("tenantId", "_id"), new IndexOptions().unique(true));
        approvals.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "waiting"),
                Indexes.descending("submittedAt")));
    }

    @EventHandler
    void on(ApprovalRequestSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<Document> steps = event.steps().stream().map(step -> new Document("name", step.name())
                .append("approverIds", step.approverIds()).append("signOff", step.signOff().name())).toList();
        approvals.replaceOne(Filters.eq("_id", event.approvalId()), new Document("_id", event.approvalId())
                        .append("tenantId", event.tenantId())
                        .append("subjectType", event.subjectType().name())
                        .append("subjectId", event.subjectId())
                        .append("requesterId", event.requesterId())
                        .append("summary", event.summary())
                        .append("policyVersion", event.policyVersion())
                        .append("steps", steps)
                        .append("status", ApprovalStatus.PENDING.name())
                        .append("currentStep", 0)
                        .append("waiting", event.steps().get(0).approverIds())
                        .append("submittedAt", Date.from(at))
                        .append("version", sequence),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ApprovalGivenEvent event, @SequenceNumber long sequence) {
        String approver = event.onBehalfOf() == null ? event.approverId() : event.onBehalfOf();
        // The delegate's id stands in "waiting" for the one who handed over; either leaves with the approval.
        update(event.tenantId(), event.approvalId(), sequence,
                Updates.pullAll("waiting", List.of(approver, event.approverId())));
    }

    @EventHandler
    void on(ApprovalDelegatedEvent event, @SequenceNumber long sequence) {
        Document approval = approvals.find(Filters.eq("_id", event.approvalId())).first();
        if (approval == null || approval.getLong("version") >= sequence) {
            return;
        }
        List<String> waiting = new ArrayList<>(approval.getList("waiting", String.class));
        waiting.replaceAll(id -> id.equals(event.delegatorId()) ? event.delegateId() : id);
        update(event.tenantId(), event.approvalId(), sequence, Updates.set("waiting", waiting));
    }

    @EventHandler
    void on(ApprovalStepCompletedEvent event, @SequenceNumber long sequence) {
        Document approval = approvals.find(Filters.eq("_id", event.approvalId())).first();
        if (approval == null) {
            return;
        }
        List<Document> steps = approval.getList("steps", Document.class);
        int next = event.stepIndex() + 1;
        Bson changes = next < steps.size()
                ? Updates.combine(Updates.set("currentStep", next),
                Updates.set("waiting", steps.get(next).getList("approverIds", String.class)))
                : Updates.set("waiting", List.of());
        update(event.tenantId(), event.approvalId(), sequence, changes);
    }

    @EventHandler
    void on(ApprovalRequestApprovedEvent event, @SequenceNumber long sequence) {
        close(event.tenantId(), event.approvalId(), sequence, ApprovalStatus.APPROVED, null, null);
    }

    @EventHandler
    void on(ApprovalRequestRejectedEvent event, @SequenceNumber long sequence) {
        close(event.tenantId(), event.approvalId(), sequence, ApprovalStatus.REJECTED, event.deciderId(),
                event.reason());
    }

    @EventHandler
    void on(ApprovalRequestReturnedEvent event, @SequenceNumber long sequence) {
        close(event.tenantId(), event.approvalId(), sequence, ApprovalStatus.RETURNED, event.deciderId(),
                event.comment());
    }

    @EventHandler
    void on(ApprovalRequestWithdrawnEvent event, @SequenceNumber long sequence) {
        close(event.tenantId(), event.approvalId(), sequence, ApprovalStatus.WITHDRAWN, event.requesterId(), null);
    }

    private void close(String tenantId, String approvalId, long sequence, ApprovalStatus status, String decidedBy,
                       String comment) {
        update(tenantId, approvalId, sequence, Updates.combine(Updates.set("status", status.name()),
                Updates.set("waiting", List.of()), Updates.set("decidedBy", decidedBy),
                Updates.set("decisionComment", comment)));
    }

    private void update(String tenantId, String approvalId, long sequence, Bson changes) {
        TenantDocuments.updateIfOlder(approvals, tenantId, approvalId, sequence,
                Updates.combine(changes, Updates.set("version", sequence)));
    }

    @QueryHandler
    Optional<ApprovalView> handle(FindApprovalQuery query) {
        return Optional.ofNullable(TenantDocuments.find(approvals, query.tenantId(), query.approvalId()))
                .map(ApprovalProjection::view);
    }

    @QueryHandler
    ApprovalPage handle(FindPendingApprovalsQuery query) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenantId", query.tenantId()),
                Filters.eq("waiting", query.userId()), Filters.eq("status", ApprovalStatus.PENDING.name())));
        if (query.afterPosition() != null) {
            filters.add(ListPositions.after(query.afterPosition(), "submittedAt", true));
        }
        List<ApprovalView> found = approvals.find(Filters.and(filters)).sort(Sorts.descending("submittedAt", "_id"))
                .limit(query.limit() + 1).map(ApprovalProjection::view).into(new ArrayList<>());
        boolean hasMore = found.size() > query.limit();
        return new ApprovalPage(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    static List<ApprovalStepPlan> steps(Document approval) {
        return approval.getList("steps", Document.class).stream().map(step -> new ApprovalStepPlan(
                step.getString("name"), step.getList("approverIds", String.class),
                SignOff.valueOf(step.getString("signOff")))).toList();
    }

    private static ApprovalView view(Document d) {
        List<ApprovalStepPlan> steps = steps(d);
        int current = d.getInteger("currentStep");
        Instant submittedAt = d.getDate("submittedAt").toInstant();
        return new ApprovalView(d.getString("_id"), d.getString("tenantId"),
                SubjectType.valueOf(d.getString("subjectType")), d.getString("subjectId"), d.getString("requesterId"),
                d.getString("summary"), ApprovalStatus.valueOf(d.getString("status")), current,
                steps.get(current).name(), steps.size(), d.getList("waiting", String.class),
                steps.stream().flatMap(step -> step.approverIds().stream()).distinct().toList(), steps, submittedAt,
                d.getString("decidedBy"), d.getString("decisionComment"), d.getLong("policyVersion"),
                ListPositions.of(submittedAt, d.getString("_id")), d.getLong("version"));
    }
}
