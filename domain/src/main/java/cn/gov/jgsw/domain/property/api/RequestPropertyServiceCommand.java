package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A civil servant asks for a property service (报修/服务申请).
 *
 * @param requestId   a new id, derived from the person's idempotency key
 * @param tenantId    the requester's bureau, from the token
 * @param requesterId the person asking
 * @param category    what kind of service
 * @param building    where: the building, up to 50 characters
 * @param room        where: the room, up to 50 characters
 * @param description what is wrong or wanted, up to 500 characters
 * @param urgency     how urgent
 * @param requestedAt when it was asked
 * @param dueAt       when it must be finished, by the bureau's service levels and work calendar
 * @param dueBasis    how {@code dueAt} was reached, in words (targets and calendar versions)
 */
public record RequestPropertyServiceCommand(@TargetAggregateIdentifier String requestId,
                                            String tenantId,
                                            String requesterId,
                                            ServiceCategory category,
                                            String building,
                                            String room,
                                            String description,
                                            Urgency urgency,
                                            Instant requestedAt,
                                            Instant dueAt,
                                            String dueBasis) {
}
