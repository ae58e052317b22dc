package cn.gov.jgsw.projections.vehicles.api;

/** One case of a bureau. */
public record FindVehicleAlertCaseQuery(String tenantId, String caseId) {
}
