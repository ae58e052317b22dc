package cn.gov.jgsw.projections.telemetry.api;

/** How long the bureau keeps its tracks. */
public record FindTrackRetentionQuery(String tenantId) {
}
