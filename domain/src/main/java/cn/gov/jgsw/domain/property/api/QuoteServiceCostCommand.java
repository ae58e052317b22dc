package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assignee finds the work costs money beyond the property contract (parts, materials, an outside firm) and asks
 * for it before starting (维修费用报价). The cost goes to the bureau's approvers under its property-service policy; a
 * cost over a cap the policy names ({@code COST_OVER_<yuan>}) adds steps.
 *
 * @param staffId the assignee
 * @param costFen the cost in fen (分): whole numbers, so that no amount is rounded; 1 to 100,000,000
 * @param note    what the cost is for, up to 200 characters
 */
public record QuoteServiceCostCommand(@TargetAggregateIdentifier String requestId, String tenantId, String staffId,
                                      long costFen, String note) {
}
