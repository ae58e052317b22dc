package cn.gov.jgsw.projections.property.api;

/** A bureau's own service-level targets; an empty optional while it uses the platform's. */
public record FindServiceLevelTargetsQuery(String tenantId) {
}
