package cn.gov.jgsw.domain.integration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Gives a client a new secret. The secrets it had stay valid for a while, so that the machines can be switched over
 * without a gap; 0 hours ends them at once (the answer to a leaked secret).
 *
 * @param clientId                the client
 * @param tenantId                the admin's bureau, from the access token
 * @param secretId                id of the new secret, whose verifier is already stored
 * @param secretFingerprint       the first characters of the new secret's hash
 * @param issuedAt                when the new secret was made
 * @param keepPreviousSecretHours how long the earlier secrets stay valid, 0 to 168
 */
public record RotateIntegrationClientSecretCommand(@TargetAggregateIdentifier String clientId,
                                                   String tenantId,
                                                   String secretId,
                                                   String secretFingerprint,
                                                   Instant issuedAt,
                                                   int keepPreviousSecretHours) {
}
