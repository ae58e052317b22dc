package cn.gov.jgsw.projections.vehicles.api;

/**
 * One order of the caller's bureau; empty for another bureau's order, exactly as for a missing one.
 *
 * @param tenantId the caller's bureau
 * @param orderId  the order
 */
public record FindVehicleOrderQuery(String tenantId, String orderId) {
}
