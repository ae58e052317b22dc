package cn.gov.jgsw.projections.vehicles.api;

/** The area the bureau's cars serve. */
public record FindServiceAreaQuery(String tenantId) {
}
