package cn.gov.jgsw.projections.audit.api;

import java.util.List;

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
}
