package cn.gov.jgsw.projections.alerts.api;

/** One case of a bureau. */
public record FindVehicleAlertCaseQuery(String tenantId, String caseId) {
}
