package cn.gov.jgsw.tenants.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Gives the mobile app (a public client) a refresh token with its first tokens. Spring Authorization Server issues
 * none to public clients; RFC 9700 §4.14.2 allows it when refresh tokens are rotated on every use and a reused one
 * revokes its whole sign-in ({@link MongoAuthorizationService}). Wraps Spring's code-grant provider: after it has
 * issued the access token, a refresh token is generated the way Spring generates them (96 random bytes) and recorded
 * in the same authorization.
 */
final class PublicClientRefreshTokens implements AuthenticationProvider {

    private static final StringKeyGenerator REFRESH_TOKENS =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

    private final AuthenticationProvider codeGrant;
    private final OAuth2AuthorizationService authorizations;
    private final Clock clock;

    PublicClientRefreshTokens(AuthenticationProvider codeGrant, OAuth2AuthorizationService authorizations, Clock clock) {
        this.codeGrant = codeGrant;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2AccessTokenAuthenticationToken issued =
                (OAuth2AccessTokenAuthenticationToken) codeGrant.authenticate(authentication);
        RegisteredClient client = issued == null ? null : issued.getRegisteredClient();
        if (issued == null || issued.getRefreshToken() != null
                || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return issued;
        }
        OAuth2Authorization authorization = authorizations.findByToken(issued.getAccessToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN);
        Instant now = clock.instant();
        OAuth2RefreshToken refreshToken = new OAuth2RefreshToken(REFRESH_TOKENS.generateKey(), now,
                now.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
        authorizations.save(OAuth2Authorization.from(authorization).refreshToken(refreshToken).build());
        return new OAuth2AccessTokenAuthenticationToken(client, (Authentication) issued.getPrincipal(),
                issued.getAccessToken(),
                refreshToken, issued.getAdditionalParameters());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2AuthorizationCodeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
