package cn.gov.jgsw.projections.vehicles.api;

/** How long the bureau keeps its tracks. */
public record FindTrackRetentionQuery(String tenantId) {
}
