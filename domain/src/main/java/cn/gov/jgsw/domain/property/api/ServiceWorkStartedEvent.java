package cn.gov.jgsw.domain.property.api;

/** Work on a request started (处理中). */
public record ServiceWorkStartedEvent(String requestId, String tenantId, String staffId) {
}
