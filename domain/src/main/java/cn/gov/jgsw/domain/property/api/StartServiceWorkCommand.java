package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assigned staff member starts the work. */
public record StartServiceWorkCommand(@TargetAggregateIdentifier String requestId, String tenantId, String staffId) {
}
