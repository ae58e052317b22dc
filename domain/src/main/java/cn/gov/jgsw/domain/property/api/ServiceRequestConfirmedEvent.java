package cn.gov.jgsw.domain.property.api;

/** The requester confirmed the work and rated it (已确认、已评价). */
public record ServiceRequestConfirmedEvent(String requestId, String tenantId, String requesterId, int rating,
                                           String comment) {
}
