package cn.gov.jgsw.domain.audit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one sensitive read before its data is handed out (查阅登记).
 *
 * @param readId   a fresh id for this read
 * @param tenantId the reader's bureau, from the access token; the record belongs to it
 * @param readerId the person reading
 * @param what     what was read, in the platform's words (e.g. {@code vehicle-orders of bureau-nanming})
 * @param purpose  why, as the reader stated it; required
 */
public record RecordSensitiveReadCommand(@TargetAggregateIdentifier String readId,
                                         String tenantId,
                                         String readerId,
                                         String what,
                                         String purpose) {
}
