package cn.gov.jgsw.projections.audit.api;

import java.time.Instant;

/**
 * What to narrow a bureau's events to; every part may be null (no narrowing).
 *
 * @param objectId  the object (aggregate) the events are about
 * @param actorId   the person (user id) who acted
 * @param eventType the event's type, its simple name (e.g. {@code VehicleOrderApprovedEvent})
 * @param from      from this instant on
 * @param to        before this instant
 */
public record AuditFilter(String objectId, String actorId, String eventType, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
