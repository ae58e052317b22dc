package cn.gov.jgsw.projections.vehicles.api;

import java.util.Collection;

/** The newest position of each of the given vehicles of a bureau. */
public record FindLastPositionsQuery(String tenantId, Collection<String> vehicleIds) {
}
