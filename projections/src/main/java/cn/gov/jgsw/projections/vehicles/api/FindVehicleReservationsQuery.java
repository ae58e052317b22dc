package cn.gov.jgsw.projections.vehicles.api;

import java.util.Collection;

/** The periods the given vehicles of a bureau are promised to orders and not yet released from. */
public record FindVehicleReservationsQuery(String tenantId, Collection<String> vehicleIds) {
}
