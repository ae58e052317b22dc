package cn.gov.jgsw.tenants.integration;

import cn.gov.jgsw.domain.integration.api.IntegrationScope;
import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import cn.gov.jgsw.tenants.identity.SigningKeys;
import cn.gov.jgsw.tenants.identity.TokenSignatures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;


/**
 * The machine endpoints under {@code /integration}: bearer tokens of integration clients only, no session. A token must
 * come from this issuer, be meant for the machine endpoints (audience {@value AccessTokenClaims#INTEGRATION_AUDIENCE}),
 * name its bureau, and belong to a client that is still enabled in that bureau, so that disabling a client stops it at
 * once rather than when its last token expires. Each data path requires its scope; endpoints added under these paths
 * are covered by construction.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrationApiSecurityConfiguration {

    /** After the mobile API's chain (20), before the sign-in catch-all. */
    public static final int INTEGRATION_API_ORDER = 21;
    /** Where vehicle terminals send positions (issue "Vehicles in depth"). */
    public static final String TELEMETRY_PATHS = "/integration/v1/telemetry/**";
    /** Where meter gateways send readings. */
    public static final String ENERGY_PATHS = "/integration/v1/energy/**";

    @Bean
    @Order(INTEGRATION_API_ORDER)
    SecurityFilterChain integrationApiFilterChain(HttpSecurity http, SigningKeys signingKeys,
                                                  AuthorizationServerSettings settings,
                                                  IntegrationClientRegistry registry) throws Exception {
        http.securityMatcher("/integration/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(TELEMETRY_PATHS).hasAuthority(authority(IntegrationScope.TELEMETRY_WRITE))
                        .requestMatchers(ENERGY_PATHS).hasAuthority(authority(IntegrationScope.ENERGY_WRITE))
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(integrationTokenDecoder(signingKeys, settings, registry))));
        return http.build();
    }

    /** Spring Security's default authorities from the {@code scope} claim. */
    static String authority(IntegrationScope scope) {
        return "SCOPE_" + scope.value();
    }

    private static JwtDecoder integrationTokenDecoder(SigningKeys signingKeys,
                                                      AuthorizationServerSettings settings,
                                                      IntegrationClientRegistry registry) {
        return TokenSignatures.decoder(signingKeys, settings.getIssuer(), AccessTokenClaims.INTEGRATION_AUDIENCE,
                clientStillEnabled(registry));
    }

    private static OAuth2TokenValidator<Jwt> clientStillEnabled(IntegrationClientRegistry registry) {
        OAuth2Error disabled = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The client is unknown or disabled in this bureau", null);
        return token -> {
            String tenant = token.getClaimAsString(AccessTokenClaims.TENANT);
            boolean enabled = token.getSubject() != null && tenant != null && registry.findClient(token.getSubject())
                    .filter(client -> !client.disabled() && client.tenantId().equals(tenant))
                    .isPresent();
            return enabled ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(disabled);
        };
    }
}
