package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform's SLA clock found a request past its due time. Sent as often as the clock likes: the request records
 * the breach once, and only if it really is unfinished and late at {@code checkedAt}.
 *
 * @param tenantId  the request's bureau
 * @param checkedAt when the clock looked
 */
public record RecordServiceLevelBreachCommand(@TargetAggregateIdentifier String requestId, String tenantId,
                                              Instant checkedAt) {
}
