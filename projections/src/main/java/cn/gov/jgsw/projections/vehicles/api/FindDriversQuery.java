package cn.gov.jgsw.projections.vehicles.api;

import java.util.Collection;

/**
 * The bureau's drivers among the given ids, or all of them if {@code driverIds} is null, by id.
 *
 * @param tenantId  the bureau
 * @param driverIds the drivers' user ids, or null for all
 */
public record FindDriversQuery(String tenantId, Collection<String> driverIds) {
}
