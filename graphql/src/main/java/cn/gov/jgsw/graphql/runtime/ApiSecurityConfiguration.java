package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /graphql} takes bearer tokens only: no session, no cookies, hence no CSRF. A browser session from the sign-in
 * form does not reach the API, so the only way in is a token the authorization server issued.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiLimitsProperties.class)
public class ApiSecurityConfiguration {

    /** After the authorization server's chain and the operations console's, before the sign-in catch-all. */
    public static final int API_ORDER = 20;

    /** One budget per person and per app for the whole API: GraphQL, files and the socket alike. */
    @Bean
    ApiRateBudget apiRateBudget(ApiLimitsProperties limits) {
        return new ApiRateBudget(
                new TokenBuckets(limits.personBurst(), limits.personPerSecond(), System::nanoTime),
                new TokenBuckets(limits.clientBurst(), limits.clientPerSecond(), System::nanoTime));
    }

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint,
                                       ErrorMessages messages, ApiRateBudget rates) throws Exception {
        http.securityMatcher("/graphql", "/graphql/**")
                .addFilterAfter(new ApiRequestLimits(messages, rates, true), BearerTokenAuthenticationFilter.class);
        return bearerTokensOnly(http, entryPoint).build();
    }

    /**
     * Files of the API (photos of service requests): bearer tokens only and the same rate budget as {@code /graphql};
     * their bodies are images, limited by the endpoint itself.
     */
    @Bean
    @Order(API_ORDER + 2)
    SecurityFilterChain apiFilesFilterChain(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint,
                                            ErrorMessages messages, ApiRateBudget rates)
            throws Exception {
        http.securityMatcher("/api/**")
                .addFilterAfter(new ApiRequestLimits(messages, rates, false), BearerTokenAuthenticationFilter.class);
        return bearerTokensOnly(http, entryPoint).build();
    }

    /** Every request needs a person's access token; no session, no cookies, hence no CSRF. */
    private static HttpSecurity bearerTokensOnly(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint)
            throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
    }

    /**
     * The subscriptions' socket: the handshake carries no token (apps cannot set headers on it); the socket proves
     * itself with the access token in {@code connection_init} ({@code SocketAuthentication}), and is closed without
     * one. No session, no cookies.
     */
    @Bean
    @Order(API_ORDER - 1)
    SecurityFilterChain subscriptionSocketFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/graphql-ws")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    private static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(AccessTokenClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
