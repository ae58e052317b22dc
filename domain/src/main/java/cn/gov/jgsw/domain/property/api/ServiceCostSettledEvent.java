package cn.gov.jgsw.domain.property.api;

/** The approval of a quoted cost ended; the request is back with its assignee (已受理). */
public record ServiceCostSettledEvent(String requestId, String tenantId, int quoteNumber, long costFen,
                                      CostApprovalOutcome outcome, String decidedBy, String comment) {
}
