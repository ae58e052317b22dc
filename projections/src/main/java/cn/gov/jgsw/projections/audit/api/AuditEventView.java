package cn.gov.jgsw.projections.audit.api;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as the record holds it.
 *
 * @param eventId    the event's id
 * @param tenantId   its bureau
 * @param position   its place in the event log
 * @param objectType the kind of object (aggregate type)
 * @param objectId   the object
 * @param sequence   its place in the object's history
 * @param eventType  the event's type, simple name
 * @param occurredAt when
 * @param actorId    who acted (user id, or a platform process such as {@code system-trip-check}), if recorded
 * @param roles      the actor's roles then, comma separated, if recorded
 * @param client     from which client, if recorded
 * @param payload    the event's own fields as stored (ids, reasons, figures; never names)
 * @param sm3        the SM3 hash of its canonical form, stored at append
 * @param contentSm3 the SM3 hash of its canonical form as stored now
 * @param integrity  how it stands against the ledger; null until checked
 */
public record AuditEventView(String eventId, String tenantId, long position, String objectType, String objectId,
                             long sequence, String eventType, Instant occurredAt, String actorId, String roles,
                             String client, Map<String, Object> payload, String sm3, String contentSm3,
                             EventIntegrity integrity) {

    /** The same event, checked. */
    public AuditEventView withIntegrity(EventIntegrity checked) {
        return new AuditEventView(eventId, tenantId, position, objectType, objectId, sequence, eventType, occurredAt,
                actorId, roles, client, payload, sm3, contentSm3, checked);
    }
}
