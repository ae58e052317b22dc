package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import cn.gov.jgsw.tenants.api.SecretSealer;
import cn.gov.jgsw.tenants.integration.IntegrationClientAuthentication;
import cn.gov.jgsw.tenants.integration.IntegrationClientRegistry;
import cn.gov.jgsw.tenants.integration.IntegrationClientSecrets;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Spring Authorization Server inside the platform. The mobile app is the public client {@value #MOBILE_APP}:
 * authorization code with PKCE (S256) through the system browser, loopback and private-use-scheme redirects
 * (RFC 8252), no consent screen because the app is the bureaus' own. The bureaus' integration clients (machines) use
 * client credentials and get tokens for the machine endpoints only ({@link PlatformClients}).
 * <p>
 * Declaring our own filter chains switches off Boot's default authorization-server chain, so it is declared here.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** Client id of the civil servants' mobile app. */
    public static final String MOBILE_APP = "mobile-app";
    /** Loopback redirect: any port matches (RFC 8252 §7.3). */
    public static final String LOOPBACK_REDIRECT = "http://127.0.0.1/callback";
    /** Access tokens are checked by signature alone, so they are short: a revoked sign-in ends within this time. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);
    /** Sliding: each refresh gives a new refresh token valid this long. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);
    /** Private-use URI scheme redirect of the app (RFC 8252 §7.1). */
    public static final String APP_SCHEME_REDIRECT = "cn.gov.jgsw.mobile:/oauth2/callback";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, RegisteredClientRepository clients,
                                                       OAuth2AuthorizationService authorizations,
                                                       AuthorizationServerSettings settings,
                                                       IntegrationClientRegistry integrationClients,
                                                       IntegrationClientSecrets integrationSecrets) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .oidc(Customizer.withDefaults())
                        // The mobile app refreshes and signs out with its client id alone; rotation and reuse detection
                        // protect its refresh tokens.
                        .clientAuthentication(clientAuthentication -> clientAuthentication
                                .authenticationConverter(PublicClientRefreshAuthentication.converter(
                                        settings.getTokenRevocationEndpoint()))
                                .authenticationProvider(PublicClientRefreshAuthentication.provider(clients))
                                // Integration clients authenticate with their current secrets (IntegrationClientAuthentication).
                                .authenticationProviders(providers -> providers.replaceAll(provider ->
                                        provider instanceof ClientSecretAuthenticationProvider
                                                ? new IntegrationClientAuthentication(clients, integrationClients,
                                                integrationSecrets, Clock.systemUTC())
                                                : provider)))
                        .tokenEndpoint(tokenEndpoint -> tokenEndpoint.authenticationProviders(providers ->
                                providers.replaceAll(provider -> provider instanceof OAuth2AuthorizationCodeAuthenticationProvider
                                        ? new PublicClientRefreshTokens(provider, authorizations, Clock.systemUTC())
                                        : provider))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in is sent to the sign-in form; other callers get a plain 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IntegrationClientRegistry integrationClients) {
        RegisteredClient mobileApp = RegisteredClient.withId(MOBILE_APP)
                .clientId(MOBILE_APP)
                .clientName("机关事务 移动端")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(LOOPBACK_REDIRECT)
                .redirectUri(APP_SCHEME_REDIRECT)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        // A new refresh token on every use; an unused phone is signed out after a week.
                        .reuseRefreshTokens(false)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                        .build())
                .build();
        return new PlatformClients(mobileApp, integrationClients);
    }

    @Bean
    SigningKeys signingKeys(MongoDatabase platformDatabase, SecretSealer sealer) {
        return new SigningKeys(platformDatabase, sealer, Clock.systemUTC());
    }

    /** Every key a valid token may carry: what the API verifies with and the JWK Set endpoint publishes. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
        return (selector, context) -> selector.select(new JWKSet(signingKeys.verifying()));
    }

    /** Signs with the current key only; the token's {@code kid} names it. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys signingKeys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(signingKeys.signing())));
    }

    /**
     * The API verifies tokens with the same keys the authorization server signs with, without a network hop. Besides
     * signature and lifetime, a token must come from this issuer, be meant for the mobile app (audience), and name its
     * tenant: only access tokens issued for a person do, so an ID token or a token without the platform's claims is
     * refused outright.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys signingKeys, AuthorizationServerSettings settings) {
        return TokenSignatures.decoder(signingKeys, settings.getIssuer(), MOBILE_APP,
                new JwtClaimValidator<String>(AccessTokenClaims.TENANT, tenant -> tenant != null && !tenant.isBlank()));
    }

    @Bean
    OAuth2AuthorizationService authorizationService(MongoDatabase platformDatabase, RegisteredClientRepository clients,
                                                    SecretSealer sealer) {
        return new MongoAuthorizationService(platformDatabase, clients, sealer, Clock.systemUTC());
    }

    /**
     * A fixed issuer ({@code jgsw.identity.issuer}, the platform's public address): tokens name it and the API accepts
     * no other, whatever host name a request used.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${jgsw.identity.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /**
     * New and changed passwords are hashed with Argon2id (OWASP's first choice; Spring's 2022 parameters: 16 MiB, 2
     * passes). Older bcrypt hashes still match and are re-hashed with Argon2id at the person's next sign-in
     * ({@link UserAccounts#updatePassword}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
