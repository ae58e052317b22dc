package cn.gov.jgsw.projections.audit.api;

import java.util.List;

/** A page of events and whether more follow. */
public record AuditEventPage(List<AuditEventView> events, boolean hasMore) {
}
