package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.property.api.AcceptServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.AttachServicePhotoCommand;
import cn.gov.jgsw.domain.property.api.ConfirmServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.QuoteServiceCostCommand;
import cn.gov.jgsw.domain.property.api.ServiceCategory;
import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCostSettledEvent;
import cn.gov.jgsw.domain.property.api.SettleServiceCostCommand;
import cn.gov.jgsw.domain.property.api.FinishServiceWorkCommand;
import cn.gov.jgsw.domain.property.api.PropertyErrorCode;
import cn.gov.jgsw.domain.property.api.PropertyServiceRequestedEvent;
import cn.gov.jgsw.domain.property.api.RecordServiceLevelBreachCommand;
import cn.gov.jgsw.domain.property.api.ReopenServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.RequestPropertyServiceCommand;
import cn.gov.jgsw.domain.property.api.ServiceLevelBreachedEvent;
import cn.gov.jgsw.domain.property.api.ServicePhotoAttachedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestAcceptedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestConfirmedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestReopenedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestStatus;
import cn.gov.jgsw.domain.property.api.ServiceWorkFinishedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkStartedEvent;
import cn.gov.jgsw.domain.property.api.StartServiceWorkCommand;
import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ErrorCode;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static cn.gov.jgsw.domain.property.api.ServiceRequestStatus.ACCEPTED;
import static cn.gov.jgsw.domain.property.api.ServiceRequestStatus.AWAITING_COST_APPROVAL;
import static cn.gov.jgsw.domain.property.api.ServiceRequestStatus.CONFIRMED;
import static cn.gov.jgsw.domain.property.api.ServiceRequestStatus.FINISHED;
import static cn.gov.jgsw.domain.property.api.ServiceRequestStatus.IN_PROGRESS;
import static cn.gov.jgsw.domain.property.api.ServiceRequestStatus.REQUESTED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A property service request (物业服务申请): requested → accepted and assigned → started → finished → confirmed and
 * rated, or reopened back to the assignee. Before starting, the assignee may quote a cost, which waits for the bureau's
 * approvers (费用审批) and then comes back to the assignee, approved or not. Handlers answer the aggregate's version (read-your-writes) and answer a
 * request key they have handled before as they did (ADR 0002).
 */
@AggregateRoot
public class ServiceRequest {

    static final int LONGEST_PLACE = 50;
    static final int LONGEST_DESCRIPTION = 500;
    static final int LONGEST_REASON = 200;
    static final int MOST_PHOTOS = 3;
    static final long LARGEST_PHOTO = 1024 * 1024;
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");
    /** 1 million yuan: more than any repair a property contract's staff would quote. */
    static final long LARGEST_COST_FEN = 100_000_000L;

    @AggregateIdentifier
    private String requestId;
    private String tenantId;
    private String requesterId;
    private String assigneeId;
    private ServiceRequestStatus status;
    private ServiceCategory category;
    private String building;
    private String room;
    private int quotes;
    private boolean quoteOpen;
    private long quotedCostFen;
    private Instant dueAt;
    private boolean breached;
    private final Set<String> photoIds = new HashSet<>();
    private final Set<String> handledRequests = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected ServiceRequest() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RequestPropertyServiceCommand command,
                @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        if (requestId != null) {
            requireTenant(command.tenantId());
            if (handled(requestKey)) {
                return getVersion();
            }
            throw refused(PropertyErrorCode.INVALID_SERVICE_TRANSITION, "request " + requestId + " exists");
        }
        if (command.category() == null || command.urgency() == null || command.requestedAt() == null
                || command.dueAt() == null) {
            throw refused(PropertyErrorCode.INVALID_SERVICE_REQUEST, "category, urgency or times missing");
        }
        String building = text(command.building(), LONGEST_PLACE, "building");
        String room = text(command.room(), LONGEST_PLACE, "room");
        String description = text(command.description(), LONGEST_DESCRIPTION, "description");
        apply(new PropertyServiceRequestedEvent(command.requestId(), command.tenantId(), command.requesterId(),
                command.category(), building, room, description, command.urgency(), command.requestedAt(),
                command.dueAt(), command.dueBasis()));
        return getVersion();
    }

    @CommandHandler
    long handle(AcceptServiceRequestCommand command,
                @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(REQUESTED, "accept");
        if (command.assigneeId() == null || command.assigneeId().isBlank()) {
            throw refused(PropertyErrorCode.INVALID_SERVICE_REQUEST, "no assignee");
        }
        apply(new ServiceRequestAcceptedEvent(requestId, tenantId, command.acceptedBy(), command.assigneeId()));
        return getVersion();
    }

    @CommandHandler
    long handle(StartServiceWorkCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(ACCEPTED, "start");
        requireAssignee(command.staffId());
        apply(new ServiceWorkStartedEvent(requestId, tenantId, command.staffId()));
        return getVersion();
    }

    @CommandHandler
    long handle(FinishServiceWorkCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(IN_PROGRESS, "finish");
        requireAssignee(command.staffId());
        String note = text(command.note(), LONGEST_DESCRIPTION, "note");
        apply(new ServiceWorkFinishedEvent(requestId, tenantId, command.staffId(), note, command.finishedAt()));
        return getVersion();
    }

    @CommandHandler
    long handle(QuoteServiceCostCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireStatus(ACCEPTED, "quote");
        requireAssignee(command.staffId());
        if (command.costFen() < 1 || command.costFen() > LARGEST_COST_FEN) {
            throw refused(PropertyErrorCode.INVALID_COST_QUOTE, "cost " + command.costFen());
        }
        String note = FreeText.required(command.note(), LONGEST_REASON, PropertyErrorCode.INVALID_COST_QUOTE, "note");
        apply(new ServiceCostQuotedEvent(requestId, tenantId, command.staffId(), quotes + 1, command.costFen(), note,
                category, building, room));
        return getVersion();
    }

    /** Answers without recording for a quote already settled: the process following the approval may retry. */
    @CommandHandler
    long handle(SettleServiceCostCommand command) {
        requireTenant(command.tenantId());
        if (command.quoteNumber() < quotes || (command.quoteNumber() == quotes && !quoteOpen)) {
            return getVersion();
        }
        if (command.quoteNumber() != quotes || command.outcome() == null) {
            throw refused(PropertyErrorCode.INVALID_SERVICE_TRANSITION, "settle quote " + command.quoteNumber());
        }
        apply(new ServiceCostSettledEvent(requestId, tenantId, quotes, quotedCostFen, command.outcome(),
                command.decidedBy(), command.comment()));
        return getVersion();
    }

    @CommandHandler
    long handle(ConfirmServiceRequestCommand command,
                @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireRequester(command.requesterId());
        requireStatus(FINISHED, "confirm");
        if (command.rating() < 1 || command.rating() > 5) {
            throw refused(PropertyErrorCode.INVALID_RATING, "rating " + command.rating());
        }
        String comment = FreeText.optional(command.comment(), LONGEST_REASON,
                PropertyErrorCode.INVALID_SERVICE_REQUEST, "comment");
        apply(new ServiceRequestConfirmedEvent(requestId, tenantId, command.requesterId(), command.rating(), comment));
        return getVersion();
    }

    @CommandHandler
    long handle(ReopenServiceRequestCommand command,
                @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        requireTenant(command.tenantId());
        if (handled(requestKey)) {
            return getVersion();
        }
        requireRequester(command.requesterId());
        requireStatus(FINISHED, "reopen");
        String reason = FreeText.optional(command.reason(), LONGEST_REASON,
                PropertyErrorCode.INVALID_SERVICE_REQUEST, "reason");
        if (reason == null) {
            throw refused(CommonErrorCode.REASON_REQUIRED, "reopen without reason");
        }
        apply(new ServiceRequestReopenedEvent(requestId, tenantId, command.requesterId(), reason));
        return getVersion();
    }

    @CommandHandler
    long handle(AttachServicePhotoCommand command) {
        requireTenant(command.tenantId());
        if (photoIds.contains(command.photoId())) {
            return getVersion();
        }
        requireRequester(command.requesterId());
        if (status == CONFIRMED) {
            throw refused(PropertyErrorCode.INVALID_SERVICE_TRANSITION, "photo on a confirmed request");
        }
        if (!PHOTO_TYPES.contains(command.contentType()) || command.sizeBytes() < 1
                || command.sizeBytes() > LARGEST_PHOTO) {
            throw refused(PropertyErrorCode.INVALID_PHOTO, command.contentType() + " of " + command.sizeBytes());
        }
        if (photoIds.size() >= MOST_PHOTOS) {
            throw refused(PropertyErrorCode.TOO_MANY_PHOTOS, "photo " + (photoIds.size() + 1));
        }
        apply(new ServicePhotoAttachedEvent(requestId, tenantId, command.photoId(), command.contentType(),
                command.sizeBytes(), command.sha256()));
        return getVersion();
    }

    /**
     * Records a missed due time once. Answers without recording if the request is finished or confirmed, not yet due,
     * or already recorded: the SLA clock may ask again and again (after a restart, from two nodes) without harm.
     */
    @CommandHandler
    long handle(RecordServiceLevelBreachCommand command) {
        requireTenant(command.tenantId());
        boolean done = status == FINISHED || status == CONFIRMED;
        if (breached || done || command.checkedAt().isBefore(dueAt)) {
            return getVersion();
        }
        apply(new ServiceLevelBreachedEvent(requestId, tenantId, dueAt, command.checkedAt()));
        return getVersion();
    }

    private static String text(String value, int longest, String field) {
        return FreeText.required(value, longest, PropertyErrorCode.INVALID_SERVICE_REQUEST, field);
    }

    /** Another bureau's request is answered exactly like one that does not exist. */
    private void requireTenant(String commandTenantId) {
        // Null-safe: an id of another kind of object has no tenant here.
        if (!commandTenantId.equals(tenantId)) {
            throw new ObjectNotFoundException("service request " + requestId + " not in tenant " + commandTenantId);
        }
    }

    private void requireStatus(ServiceRequestStatus allowed, String step) {
        if (status != allowed) {
            throw refused(PropertyErrorCode.INVALID_SERVICE_TRANSITION, step + " in status " + status);
        }
    }

    private void requireAssignee(String staffId) {
        if (!staffId.equals(assigneeId)) {
            throw refused(PropertyErrorCode.NOT_THE_ASSIGNEE, staffId + " is not " + assigneeId);
        }
    }

    private void requireRequester(String userId) {
        if (!userId.equals(requesterId)) {
            throw refused(PropertyErrorCode.NOT_THE_REQUESTER, userId + " is not " + requesterId);
        }
    }

    private boolean handled(String requestKey) {
        return requestKey != null && handledRequests.contains(requestKey);
    }

    /** Events carry the request's idempotency key in their metadata, so a rebuilt aggregate knows what it handled. */
    private void remember(String requestKey) {
        if (requestKey != null) {
            handledRequests.add(requestKey);
        }
    }

    private static BusinessRuleViolation refused(ErrorCode code, String logMessage) {
        return new BusinessRuleViolation(code, logMessage);
    }

    @EventSourcingHandler
    void on(PropertyServiceRequestedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        requestId = event.requestId();
        tenantId = event.tenantId();
        requesterId = event.requesterId();
        category = event.category();
        building = event.building();
        room = event.room();
        dueAt = event.dueAt();
        status = REQUESTED;
    }

    @EventSourcingHandler
    void on(ServiceCostQuotedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        quotes = event.quoteNumber();
        quotedCostFen = event.costFen();
        quoteOpen = true;
        status = AWAITING_COST_APPROVAL;
    }

    @EventSourcingHandler
    void on(ServiceCostSettledEvent event) {
        quoteOpen = false;
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(ServiceRequestAcceptedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        assigneeId = event.assigneeId();
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(ServiceWorkStartedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ServiceWorkFinishedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = FINISHED;
    }

    @EventSourcingHandler
    void on(ServiceRequestConfirmedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = CONFIRMED;
    }

    @EventSourcingHandler
    void on(ServiceRequestReopenedEvent event, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String requestKey) {
        remember(requestKey);
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(ServicePhotoAttachedEvent event) {
        photoIds.add(event.photoId());
    }

    @EventSourcingHandler
    void on(ServiceLevelBreachedEvent event) {
        breached = true;
    }
}
