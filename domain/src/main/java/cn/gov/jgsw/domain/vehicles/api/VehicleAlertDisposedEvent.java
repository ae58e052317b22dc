package cn.gov.jgsw.domain.vehicles.api;

/** An alert's case was disposed of (已处置), with the conclusion and the reason. */
public record VehicleAlertDisposedEvent(String caseId, String tenantId, String adminId,
                                        AlertDisposition disposition, String reason) {
}
