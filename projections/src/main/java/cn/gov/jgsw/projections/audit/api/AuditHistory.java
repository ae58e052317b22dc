package cn.gov.jgsw.projections.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The legal record as supervisors read it (审计查询): a bureau's stored events, filtered and paged by their place in
 * the event log, and the whole history of one object. Implemented over the event log itself (module {@code ops}):
 * the record is read, not a copy of it.
 */
public interface AuditHistory {

    /** A page of the bureau's events after the position (null: from the start), oldest first. */
    AuditEventPage events(String tenantId, AuditFilter filter, Long afterPosition, int pageSize);

    /** Every event of one object of the bureau, oldest first; empty if the bureau has no such object. */
    List<AuditEventView> history(String tenantId, String objectId);

    /**
     * The object as its events had stated it at an instant, replayed from them: every field any of its events up to
     * then named, with the value the latest of them gave, and the latest event itself.
     */
    default ObjectStateView stateAsOf(String tenantId, String objectId, Instant at) {
        List<AuditEventView> applied = history(tenantId, objectId).stream()
                .filter(event -> !event.occurredAt().isAfter(at)).toList();
        Map<String, Object> fields = new TreeMap<>();
        applied.forEach(event -> fields.putAll(event.payload()));
        // An object the bureau did not have then is named by nobody: the answer is the same for any such id.
        return new ObjectStateView(applied.isEmpty() ? null : objectId,
                applied.isEmpty() ? null : applied.get(0).objectType(), at,
                applied.size(), applied.isEmpty() ? null : applied.get(applied.size() - 1), fields);
    }
}
