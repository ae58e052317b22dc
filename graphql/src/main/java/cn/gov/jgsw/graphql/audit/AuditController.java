package cn.gov.jgsw.graphql.audit;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.graphql.cursors.CursorCodec;
import cn.gov.jgsw.graphql.runtime.Connection;
import cn.gov.jgsw.projections.audit.api.AuditEventPage;
import cn.gov.jgsw.projections.audit.api.AuditEventView;
import cn.gov.jgsw.projections.audit.api.AuditFilter;
import cn.gov.jgsw.projections.audit.api.AuditHistory;
import cn.gov.jgsw.projections.audit.api.ObjectStateView;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The record for supervisors (审计查询): a bureau's events, filtered and paged, and one object's whole history, in
 * words. Every read is purpose-bound and recorded in the supervisor's bureau before anything is given.
 */
@Controller
public class AuditController {

    static final int MAX_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z]{1,80}");

    private final AuditHistory history;
    private final SupervisorScope supervisorScope;
    private final PurposeBoundReads purposeBoundReads;
    private final CursorCodec cursors;
    private final PersonDirectory people;
    private final AuditWording wording;

    public AuditController(AuditHistory history, SupervisorScope supervisorScope, PurposeBoundReads purposeBoundReads,
                           CursorCodec cursors, PersonDirectory people, AuditWording wording) {
        this.history = history;
        this.supervisorScope = supervisorScope;
        this.purposeBoundReads = purposeBoundReads;
        this.cursors = cursors;
        this.people = people;
        this.wording = wording;
    }

    public record AuditEventFilterInput(String objectId, String actorId, String eventType, Instant from, Instant to) {
    }

    @QueryMapping
    public Connection<AuditEventView> auditEvents(@Argument String bureauId, @Argument String purpose,
                                                  @Argument AuditEventFilterInput filter, @Argument Integer first,
                                                  @Argument String after,
                                                  Caller caller) {
        supervisorScope.requireSupervised(caller, bureauId);
        AuditFilter narrowed = filter == null ? AuditFilter.NONE : new AuditFilter(filter.objectId(),
                filter.actorId(), filter.eventType(), filter.from(), filter.to());
        if (narrowed.eventType() != null && !EVENT_TYPE.matcher(narrowed.eventType()).matches()) {
            throw new BusinessRuleViolation(CommonErrorCode.INVALID_INPUT, "event type " + narrowed.eventType());
        }
        int pageSize = Connection.pageSize(first, MAX_PAGE);
        // The cursor is bound to the caller, the bureau and the filter: it cannot be replayed on another list.
        String listName = "audit-events/" + bureauId + "/" + narrowed;
        String afterPosition = after == null ? null : cursors.decode(caller, listName, after);
        purposeBoundReads.record(caller, "audit events of " + bureauId + " " + narrowed, purpose);
        AuditEventPage page = history.events(bureauId, narrowed,
                afterPosition == null ? null : Long.valueOf(afterPosition), pageSize);
        return Connection.of(page.events(), event -> cursors.encode(caller, listName,
                String.valueOf(event.position())), page.hasMore(), afterPosition == null);
    }

    @QueryMapping
    public List<AuditEventView> objectHistory(@Argument String bureauId, @Argument String objectId,
                                              @Argument String purpose,
                                              Caller caller) {
        supervisorScope.requireSupervised(caller, bureauId);
        purposeBoundReads.record(caller, "history of " + objectId + " of " + bureauId, purpose);
        return history.history(bureauId, objectId);
    }

    @QueryMapping
    public ObjectStateView objectStateAsOf(@Argument String bureauId, @Argument String objectId, @Argument Instant at,
                                           @Argument String purpose,
                                           Caller caller) {
        supervisorScope.requireSupervised(caller, bureauId);
        purposeBoundReads.record(caller, "state of " + objectId + " of " + bureauId + " as of " + at, purpose);
        return history.stateAsOf(bureauId, objectId, at);
    }

    /** A field as the SDL shows it: text, or JSON for a nested value. */
    public record StateField(String name, String value) {
    }

    @SchemaMapping(typeName = "ObjectState")
    public List<StateField> fields(ObjectStateView state) {
        return state.fields().entrySet().stream().map(field -> new StateField(field.getKey(), text(field.getValue())))
                .toList();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException unwritable) {
                return value.toString();
            }
        }
        return value.toString();
    }

    @SchemaMapping(typeName = "AuditEvent")
    public String id(AuditEventView event) {
        return event.eventId();
    }

    @SchemaMapping(typeName = "AuditEvent")
    public String bureauId(AuditEventView event) {
        return event.tenantId();
    }

    @SchemaMapping(typeName = "AuditEvent")
    public String position(AuditEventView event) {
        return String.valueOf(event.position());
    }

    @SchemaMapping(typeName = "AuditEvent")
    public String type(AuditEventView event) {
        return event.eventType();
    }

    @SchemaMapping(typeName = "AuditEvent")
    public String actorRoles(AuditEventView event) {
        return event.roles();
    }

    /** The actors' names in one look-up per bureau; a process or an erased person has none. */
    @BatchMapping(typeName = "AuditEvent", field = "actorName")
    public Map<AuditEventView, String> actorName(List<AuditEventView> events) {
        Map<AuditEventView, String> names = new HashMap<>();
        events.stream().collect(Collectors.groupingBy(AuditEventView::tenantId)).forEach((tenantId, ofBureau) -> {
            Map<String, String> byId = new HashMap<>();
            people.findPeople(tenantId, ofBureau.stream().map(AuditEventView::actorId).filter(id -> id != null)
                    .distinct().toList()).forEach(person -> byId.put(person.userId(), person.displayName()));
            ofBureau.forEach(event -> names.put(event, event.actorId() == null ? null : byId.get(event.actorId())));
        });
        return names;
    }

    @SchemaMapping(typeName = "AuditEvent")
    public String summary(AuditEventView event, Locale locale) {
        String name = event.actorId() == null ? null : people.findPerson(event.tenantId(), event.actorId())
                .map(PersonView::displayName).orElse(null);
        return wording.summary(event, name, locale);
    }
}
