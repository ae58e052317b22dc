package cn.gov.jgsw.tenants.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringAuthorizationServiceTest {

    private static final RegisteredClient APP = RegisteredClient.withId("mobile-app").clientId("mobile-app")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1/callback").build();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock);

    @Test
    void anAuthorizationIsFoundByItsTokenWhileTheTokenLives() {
        service.save(withAccessToken("a1", "token-1", Duration.ofMinutes(10)));
        assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo("a1");
    }

    @Test
    void authorizationsWhoseTokensAllExpiredAreForgotten() {
        service.save(withAccessToken("a1", "token-1", Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(11));

        service.save(withAccessToken("a2", "token-2", Duration.ofMinutes(10)));

        assertThat(service.findById("a1")).isNull();
        assertThat(service.findById("a2")).isNotNull();
        assertThat(service.size()).isEqualTo(1);
    }

    @Test
    void aPendingRequestWithoutTokensIsForgottenAfterItsLifetime() {
        service.save(OAuth2Authorization.withRegisteredClient(APP).id("pending").principalName("someone")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).attribute("state", "s").build());
        clock.advance(ExpiringAuthorizationService.PENDING_REQUEST_LIFETIME.plusSeconds(1));

        service.save(withAccessToken("a2", "token-2", Duration.ofMinutes(10)));

        assertThat(service.findById("pending")).isNull();
    }

    private OAuth2Authorization withAccessToken(String id, String value, Duration lifetime) {
        Instant issued = clock.instant();
        return OAuth2Authorization.withRegisteredClient(APP).id(id).principalName("nanming.civil-servant")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, issued,
                        issued.plus(lifetime)))
                .build();
    }
}
