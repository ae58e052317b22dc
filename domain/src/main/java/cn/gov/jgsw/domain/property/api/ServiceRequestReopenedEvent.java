package cn.gov.jgsw.domain.property.api;

/** The requester reopened finished work (已退回重办), with the reason. */
public record ServiceRequestReopenedEvent(String requestId, String tenantId, String requesterId, String reason) {
}
