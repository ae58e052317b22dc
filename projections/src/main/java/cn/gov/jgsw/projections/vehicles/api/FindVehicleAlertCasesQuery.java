package cn.gov.jgsw.projections.vehicles.api;

/**
 * A bureau's cases, newest first.
 *
 * @param openOnly      only those not disposed of yet
 * @param afterPosition the list position to continue after, or null for the first page
 */
public record FindVehicleAlertCasesQuery(String tenantId, boolean openOnly, String afterPosition, int limit) {
}
