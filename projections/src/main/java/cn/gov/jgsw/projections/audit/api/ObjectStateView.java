package cn.gov.jgsw.projections.audit.api;

import java.time.Instant;
import java.util.Map;

/**
 * An object as its events had stated it at an instant.
 *
 * @param objectId      the object, or null if the bureau had no such object then
 * @param objectType    its kind, or null if it had no events yet
 * @param asOf          the instant
 * @param eventsApplied how many of its events had happened by then
 * @param lastEvent     the latest of them, or null
 * @param fields        every field its events had named by then, with the latest value, by name
 */
public record ObjectStateView(String objectId, String objectType, Instant asOf, int eventsApplied,
                              AuditEventView lastEvent, Map<String, Object> fields) {
}
