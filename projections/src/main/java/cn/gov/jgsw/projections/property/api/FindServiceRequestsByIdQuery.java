package cn.gov.jgsw.projections.property.api;

import java.util.Collection;

/** The service requests of one bureau among the given ids, in one look-up (for the subjects of an inbox page). */
public record FindServiceRequestsByIdQuery(String tenantId, Collection<String> requestIds) {
}
