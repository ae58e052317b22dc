package cn.gov.jgsw.projections.property.api;

/**
 * A page of a list of the caller's bureau.
 *
 * @param personId      the requester ({@code REQUESTED_BY}) or the staff member ({@code WORK_QUEUE})
 * @param afterPosition the last position of the previous page, or null
 */
public record FindServiceRequestsQuery(String tenantId, ServiceRequestList list, String personId,
                                       String afterPosition, int limit) {
}
