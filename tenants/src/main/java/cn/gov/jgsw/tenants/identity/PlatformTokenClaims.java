package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import cn.gov.jgsw.tenants.api.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the person's internal id (as subject), bureau, roles and unit into every access token issued for a person. The API
 * takes the tenant from here only. A principal without a platform account (say, an operator of the console) gets
 * no token at all.
 */
@Component
class PlatformTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserAccounts userAccounts;

    PlatformTokenClaims(UserAccounts userAccounts) {
        this.userAccounts = userAccounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // ID tokens stay plain OIDC: without a tenant claim they are refused by the API, so an ID token can
            // never be replayed as an access token.
            return;
        }
        PlatformUser user = userAccounts.findByUsername(context.getPrincipal().getName())
                .filter(PlatformUser::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED)));
        context.getClaims()
                .subject(user.id())
                .claim(AccessTokenClaims.TENANT, user.tenantId())
                .claim(AccessTokenClaims.UNIT, user.unitId())
                .claim(AccessTokenClaims.ROLES, user.roles().stream().map(Role::name).sorted().toList());
    }
}
