package cn.gov.jgsw.projections.vehicles.api;

/**
 * One vehicle of the caller's bureau.
 *
 * @param tenantId  the caller's bureau
 * @param vehicleId the vehicle
 */
public record FindVehicleQuery(String tenantId, String vehicleId) {
}
