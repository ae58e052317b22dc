package cn.gov.jgsw.domain.property.api;

/**
 * The assignee quoted a cost; the request waits for its approval (费用待审批). Carries what the approvers are shown, so
 * that the approval can be put before them from this event alone.
 *
 * @param quoteNumber 1 for the request's first quote, then 2, …
 */
public record ServiceCostQuotedEvent(String requestId, String tenantId, String staffId, int quoteNumber,
                                     long costFen, String note, ServiceCategory category, String building,
                                     String room) {
}
