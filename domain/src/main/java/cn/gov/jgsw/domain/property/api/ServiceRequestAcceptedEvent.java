package cn.gov.jgsw.domain.property.api;

/** A request was accepted and assigned (已受理、已派单). */
public record ServiceRequestAcceptedEvent(String requestId, String tenantId, String acceptedBy, String assigneeId) {
}
