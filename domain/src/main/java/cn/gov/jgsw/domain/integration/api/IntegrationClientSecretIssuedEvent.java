package cn.gov.jgsw.domain.integration.api;

import java.time.Instant;

/**
 * A client got a new secret (已签发密钥). The secret itself is never recorded; the fingerprint lets people tell which
 * secret a machine uses.
 *
 * @param clientId                  the client
 * @param tenantId                  its bureau
 * @param secretId                  id of the new secret
 * @param secretFingerprint         the first characters of the secret's SHA-256
 * @param issuedAt                  when it was made
 * @param previousSecretsValidUntil when the client's earlier secrets stop working; null for the first secret
 */
public record IntegrationClientSecretIssuedEvent(String clientId, String tenantId, String secretId,
                                                 String secretFingerprint, Instant issuedAt,
                                                 Instant previousSecretsValidUntil) {
}
