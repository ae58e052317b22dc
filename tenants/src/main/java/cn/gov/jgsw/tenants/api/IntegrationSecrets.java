package cn.gov.jgsw.tenants.api;

/**
 * Makes the secrets of integration clients. The platform makes them, never a person: 256 random bits, so a fast hash
 * is as safe as a slow one and keeps the token endpoint cheap (ADR 0007).
 */
public interface IntegrationSecrets {

    /**
     * Makes a secret and stores only its verifier. The secret works once an event of the client names its id.
     *
     * @return the secret, to be shown once and never again
     */
    IssuedSecret issue(String tenantId, String clientId, String secretId);

    /** Drops the verifier of a secret whose command was refused. */
    void withdraw(String secretId);

    /**
     * @param secretId    the id the secret is known by
     * @param secret      the secret in full, e.g. {@code jgsw_ic_...}; shown to the bureau admin once
     * @param fingerprint the first characters of its SHA-256
     */
    record IssuedSecret(String secretId, String secret, String fingerprint) {
    }
}
