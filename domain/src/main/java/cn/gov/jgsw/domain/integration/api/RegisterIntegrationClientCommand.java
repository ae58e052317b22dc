package cn.gov.jgsw.domain.integration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * Registers an integration client of the caller's bureau with its first secret.
 *
 * @param clientId          the new client's id, also its OAuth {@code client_id}
 * @param tenantId          the bureau, from the admin's access token; the client acts in it and nowhere else
 * @param name              what the machine is, for people (e.g. 车载北斗终端网关)
 * @param scopes            what it may do; at least one
 * @param secretId          id of the first secret, whose verifier is already stored
 * @param secretFingerprint the first characters of the secret's hash, to tell secrets apart
 * @param issuedAt          when the secret was made
 */
public record RegisterIntegrationClientCommand(@TargetAggregateIdentifier String clientId,
                                               String tenantId,
                                               String name,
                                               Set<IntegrationScope> scopes,
                                               String secretId,
                                               String secretFingerprint,
                                               Instant issuedAt) {
}
