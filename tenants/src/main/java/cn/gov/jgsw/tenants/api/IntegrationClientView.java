package cn.gov.jgsw.tenants.api;

import cn.gov.jgsw.domain.integration.api.IntegrationScope;

import java.time.Instant;
import java.util.List;

/**
 * An integration client as its bureau admin sees it. Never holds a secret or a secret's verifier.
 *
 * @param id           the client's id, its OAuth {@code client_id}
 * @param tenantId     the bureau it acts in
 * @param name         what the machine is
 * @param scopes       what it may do
 * @param disabled     true once disabled, for good
 * @param registeredAt when it was registered
 * @param secrets      its secrets, newest first, including ones that have stopped working
 * @param version      the aggregate version the view reflects (read-your-writes)
 */
public record IntegrationClientView(String id, String tenantId, String name, List<IntegrationScope> scopes,
                                    boolean disabled, Instant registeredAt, List<Secret> secrets, long version) {

    /**
     * @param id          the secret's id
     * @param fingerprint the first characters of the secret's SHA-256, to tell secrets apart
     * @param issuedAt    when it was made
     * @param validUntil  when it stops (or stopped) working; null while it is the newest
     */
    public record Secret(String id, String fingerprint, Instant issuedAt, Instant validUntil) {

        public boolean validAt(Instant instant) {
            return validUntil == null || instant.isBefore(validUntil);
        }
    }
}
