package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The requester confirms finished work and rates it.
 *
 * @param rating  1 (poor) to 5 (excellent)
 * @param comment optional, up to 200 characters
 */
public record ConfirmServiceRequestCommand(@TargetAggregateIdentifier String requestId, String tenantId,
                                           String requesterId, int rating, String comment) {
}
