package cn.gov.jgsw.tenants.integration;

import cn.gov.jgsw.tenants.api.IntegrationClientView;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.time.Clock;
import java.time.Instant;

/**
 * Authenticates an integration client at the token endpoint with its {@code client_id} and secret (HTTP Basic or form
 * post). Takes the place of Spring Authorization Server's own secret check, which knows one secret per client and
 * hashes with the password encoder: a client here has one secret, or two while a rotation overlaps, and its secrets
 * are random, so SHA-256 verifies them (ADR 0007). A disabled client, an expired secret and a wrong one all get the
 * same {@code invalid_client}.
 */
public final class IntegrationClientAuthentication implements AuthenticationProvider {

    private final RegisteredClientRepository clients;
    private final IntegrationClientRegistry registry;
    private final IntegrationClientSecrets secrets;
    private final Clock clock;

    public IntegrationClientAuthentication(RegisteredClientRepository clients, IntegrationClientRegistry registry,
                                           IntegrationClientSecrets secrets, Clock clock) {
        this.clients = clients;
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken presented = (OAuth2ClientAuthenticationToken) authentication;
        ClientAuthenticationMethod method = presented.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            return null;
        }
        String clientId = presented.getPrincipal().toString();
        IntegrationClientView client = registry.findClient(clientId).filter(found -> !found.disabled())
                .orElseThrow(IntegrationClientAuthentication::invalidClient);
        RegisteredClient registered = clients.findByClientId(clientId);
        Object secret = presented.getCredentials();
        if (registered == null || secret == null) {
            throw invalidClient();
        }
        Instant now = clock.instant();
        boolean matches = client.secrets().stream()
                .filter(candidate -> candidate.validAt(now))
                .anyMatch(candidate -> secrets.matches(clientId, candidate.id(), secret.toString()));
        if (!matches) {
            throw invalidClient();
        }
        return new OAuth2ClientAuthenticationToken(registered, method, secret);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static OAuth2AuthenticationException invalidClient() {
        return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }
}
