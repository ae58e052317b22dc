package cn.gov.jgsw.tenants.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.util.Map;

/**
 * A public client has no secret: on the refresh grant, and when it revokes a token (signing out), it names itself
 * with {@code client_id} only. What protects the refresh token instead is rotation with reuse detection (RFC 9700
 * §4.14.2). Spring Authorization Server knows public clients only on the code grant, where PKCE authenticates them;
 * these two pieces let the mobile app refresh and sign out.
 */
final class PublicClientRefreshAuthentication {

    private static final String REFRESH = AuthorizationGrantType.REFRESH_TOKEN.getValue();
    /** Marks what the client authentication is for, so that it is never taken for the code grant's. */
    private static final String PURPOSE = "public_client_request";
    private static final String REVOCATION = "revocation";

    private PublicClientRefreshAuthentication() {
    }

    /**
     * Reads a refresh or a revocation request of a public client: a client id and no secret of any kind. {@code
     * revocationPath} is the authorization server's revocation endpoint.
     */
    static AuthenticationConverter converter(String revocationPath) {
        return request -> {
            if (!namesItselfOnly(request)) {
                return null;
            }
            String purpose = REFRESH.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)) ? REFRESH
                    : revocationPath.equals(request.getRequestURI()) && request.getParameter(OAuth2ParameterNames.TOKEN)
                    != null ? REVOCATION : null;
            return purpose == null ? null : new OAuth2ClientAuthenticationToken(
                    request.getParameter(OAuth2ParameterNames.CLIENT_ID), ClientAuthenticationMethod.NONE, null,
                    Map.of(PURPOSE, purpose));
        };
    }

    private static boolean namesItselfOnly(HttpServletRequest request) {
        return request.getParameterValues(OAuth2ParameterNames.CLIENT_ID) != null
                && request.getParameterValues(OAuth2ParameterNames.CLIENT_ID).length == 1
                && request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) == null
                && request.getParameter("client_assertion") == null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    /**
     * Accepts the client id only of a registered public client that may use the refresh grant, and only for a refresh
     * or revocation request: on the code grant a public client is authenticated by PKCE, which this must never stand
     * in for.
     */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken claimed = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(claimed.getClientAuthenticationMethod())
                        || claimed.isAuthenticated()
                        || !claimed.getAdditionalParameters().containsKey(PURPOSE)
                        || claimed.getAdditionalParameters().containsKey("code_verifier")) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId((String) claimed.getPrincipal());
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
