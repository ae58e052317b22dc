package cn.gov.jgsw.projections.vehicles.api;

import java.util.Collection;

/** The orders of one bureau among the given ids, in one look-up (for the subjects of an inbox page). */
public record FindVehicleOrdersByIdQuery(String tenantId, Collection<String> orderIds) {
}
