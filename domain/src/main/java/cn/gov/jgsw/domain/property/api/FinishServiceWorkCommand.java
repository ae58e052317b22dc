package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The assigned staff member finishes the work, with a note of what was done.
 *
 * @param note       what was done, up to 500 characters; required
 * @param finishedAt when, for the service level
 */
public record FinishServiceWorkCommand(@TargetAggregateIdentifier String requestId, String tenantId, String staffId,
                                       String note, Instant finishedAt) {
}
