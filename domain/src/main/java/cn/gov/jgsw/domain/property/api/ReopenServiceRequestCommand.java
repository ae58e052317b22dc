package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The requester is not satisfied with finished work: it goes back to the assigned staff member.
 *
 * @param reason why, up to 200 characters; required
 */
public record ReopenServiceRequestCommand(@TargetAggregateIdentifier String requestId, String tenantId,
                                          String requesterId, String reason) {
}
