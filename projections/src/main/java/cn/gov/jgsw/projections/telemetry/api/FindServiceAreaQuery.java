package cn.gov.jgsw.projections.telemetry.api;

/** The area the bureau's cars serve. */
public record FindServiceAreaQuery(String tenantId) {
}
