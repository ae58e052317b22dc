package cn.gov.jgsw.projections.vehicles.api;

import java.util.Collection;

/**
 * The vehicles of the caller's bureau among the given ids, in one look-up (for lists). Unknown ids are left out.
 *
 * @param tenantId   the caller's bureau
 * @param vehicleIds the vehicles
 */
public record FindVehiclesQuery(String tenantId, Collection<String> vehicleIds) {
}
