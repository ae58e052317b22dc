package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.domain.integration.api.IntegrationScope;
import cn.gov.jgsw.tenants.api.IntegrationClientView;
import cn.gov.jgsw.tenants.integration.IntegrationClientRegistry;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth clients the authorization server knows: the mobile app, fixed in code, and the bureaus' integration
 * clients, from their registry. A disabled integration client is unknown to the token endpoint; it is still found by
 * id, so that its stored authorizations can be read and revoked.
 */
final class PlatformClients implements RegisteredClientRepository {

    private final RegisteredClient mobileApp;
    private final IntegrationClientRegistry integrationClients;

    PlatformClients(RegisteredClient mobileApp, IntegrationClientRegistry integrationClients) {
        this.mobileApp = mobileApp;
        this.integrationClients = integrationClients;
    }

    @Override
    public RegisteredClient findById(String id) {
        if (mobileApp.getId().equals(id)) {
            return mobileApp;
        }
        return integrationClients.findClient(id).map(PlatformClients::registered).orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (mobileApp.getClientId().equals(clientId)) {
            return mobileApp;
        }
        return integrationClients.findClient(clientId).filter(client -> !client.disabled())
                .map(PlatformClients::registered).orElse(null);
    }

    /** Clients are registered through their own events, never by the authorization server. */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("integration clients are registered by their bureau admin");
    }

    private static RegisteredClient registered(IntegrationClientView client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.id())
                .clientId(client.id())
                .clientName(client.name())
                .clientIdIssuedAt(client.registeredAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(AuthorizationServerConfiguration.ACCESS_TOKEN_LIFETIME)
                        .build());
        for (IntegrationScope scope : client.scopes()) {
            builder.scope(scope.value());
        }
        return builder.build();
    }
}
