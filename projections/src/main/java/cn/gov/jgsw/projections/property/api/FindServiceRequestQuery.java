package cn.gov.jgsw.projections.property.api;

/** One request of the caller's bureau. */
public record FindServiceRequestQuery(String tenantId, String requestId) {
}
