package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import cn.gov.jgsw.tenants.api.IntegrationClientView;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.integration.IntegrationClientRegistry;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the person's internal id (as subject), bureau, roles and unit into every access token issued for a person. The API
 * takes the tenant from here only; ID tokens get the same subject and nothing else. A principal without a platform
 * account, or an operator of the console, gets no token at all. A token for an integration client names the client's
 * bureau and the machine endpoints' audience instead.
 */
@Component
class PlatformTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /**
     * Operators of the console share the browser session mechanism with bureau people; a signed-in operator must
     * still never obtain a bureau token, even under a login name that also exists in a bureau.
     */
    static final String OPERATOR_AUTHORITY = "ROLE_OPERATOR";

    private final UserAccounts userAccounts;
    private final IntegrationClientRegistry integrationClients;

    PlatformTokenClaims(UserAccounts userAccounts, IntegrationClientRegistry integrationClients) {
        this.userAccounts = userAccounts;
        this.integrationClients = integrationClients;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            customizeForIntegrationClient(context);
            return;
        }
        boolean operator = context.getPrincipal().getAuthorities().stream()
                .anyMatch(authority -> OPERATOR_AUTHORITY.equals(authority.getAuthority()));
        PlatformUser user = userAccounts.findByUsername(context.getPrincipal().getName())
                .filter(PlatformUser::enabled)
                .filter(found -> !operator)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED)));
        context.getClaims().subject(user.id());
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // ID tokens name the same subject but carry no tenant: the API refuses tokens without one, so an ID token
            // can never be replayed as an access token.
            return;
        }
        context.getClaims()
                .claim(AccessTokenClaims.TENANT, user.tenantId())
                .claim(AccessTokenClaims.UNIT, user.unitId())
                // A mutable list: the claims are kept in the stored authorization, whose JSON mapper (Spring Security's
                // allowlist) refuses JDK-internal immutable collections.
                .claim(AccessTokenClaims.ROLES, new ArrayList<>(user.roles().stream().map(Role::name).sorted().toList()));
    }

    /**
     * A machine's token names the client as subject (the default), the client's bureau as tenant, and the machine
     * endpoints as its only audience. Its scopes are the ones it asked for, within those granted.
     */
    private void customizeForIntegrationClient(JwtEncodingContext context) {
        IntegrationClientView client = integrationClients.findClient(context.getRegisteredClient().getClientId())
                .filter(found -> !found.disabled())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT)));
        context.getClaims()
                .audience(new ArrayList<>(List.of(AccessTokenClaims.INTEGRATION_AUDIENCE)))
                .claim(AccessTokenClaims.TENANT, client.tenantId());
    }
}
