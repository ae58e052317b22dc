package cn.gov.jgsw.domain.integration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Disables a client for good: its secrets and tokens stop working at once.
 *
 * @param clientId the client
 * @param tenantId the admin's bureau, from the access token
 * @param reason   why; required
 */
public record DisableIntegrationClientCommand(@TargetAggregateIdentifier String clientId,
                                              String tenantId,
                                              String reason) {
}
