package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Property staff accept a request and assign it to a staff member of the bureau, themselves or a colleague.
 *
 * @param requestId  the request
 * @param tenantId   the staff member's bureau, from the token
 * @param acceptedBy who accepts
 * @param assigneeId who will do the work; a property staff member of the bureau (checked before the command)
 */
public record AcceptServiceRequestCommand(@TargetAggregateIdentifier String requestId, String tenantId,
                                          String acceptedBy, String assigneeId) {
}
