package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.tenants.secrets.DataKeyring;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MongoAuthorizationServiceTest {

    private static final RegisteredClient APP = RegisteredClient.withId("mobile-app").clientId("mobile-app")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1/callback").build();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final DataKeyring sealer = DataKeyring.open(client.getDatabase("identity"),
            KeyEncryptionKey.generate(new SecureRandom()), clock);
    private final MongoAuthorizationService service = new MongoAuthorizationService(client.getDatabase("identity"),
            new InMemoryRegisteredClientRepository(APP), sealer, clock);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anAuthorizationReadBackFromAnotherInstanceIsTheSame() {
        service.save(withAccessToken("a1", "token-1", Duration.ofMinutes(10)));
        MongoAuthorizationService afterRestart = new MongoAuthorizationService(client.getDatabase("identity"),
                new InMemoryRegisteredClientRepository(APP), sealer, clock);

        OAuth2Authorization read = afterRestart.findByToken("token-1", null);

        assertThat(read.getPrincipalName()).isEqualTo("nanming.civil-servant");
        assertThat(read.getAccessToken().getToken().getTokenValue()).isEqualTo("token-1");
        assertThat(read.getAccessToken().getToken().getExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(afterRestart.findByToken("token-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
    }

    @Test
    void aRotatedRefreshTokenPresentedAgainRevokesTheSignIn() {
        OAuth2Authorization first = OAuth2Authorization.from(withAccessToken("a1", "token-1", Duration.ofMinutes(10)))
                .refreshToken(new OAuth2RefreshToken("refresh-1", clock.instant(), clock.instant().plus(Duration.ofDays(7))))
                .build();
        service.save(first);
        service.save(OAuth2Authorization.from(first)
                .refreshToken(new OAuth2RefreshToken("refresh-2", clock.instant(), clock.instant().plus(Duration.ofDays(7))))
                .build());
        assertThat(service.findByToken("refresh-2", OAuth2TokenType.REFRESH_TOKEN).getId()).isEqualTo("a1");

        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();

        assertThat(service.findByToken("refresh-2", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findById("a1")).isNull();
    }

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
        clock.advance(MongoAuthorizationService.PENDING_REQUEST_LIFETIME.plusSeconds(1));

        service.save(withAccessToken("a2", "token-2", Duration.ofMinutes(10)));

        assertThat(service.findById("pending")).isNull();
    }

    @Test
    void tokenValuesAreStoredOnlySealed() {
        service.save(OAuth2Authorization.from(withAccessToken("a1", "token-1", Duration.ofMinutes(10)))
                .refreshToken(new OAuth2RefreshToken("refresh-1", clock.instant(), clock.instant().plus(Duration.ofDays(7))))
                .build());

        Document stored = authorizations().find(Filters.eq("_id", "a1")).first();

        assertThat(stored.get("access", Document.class).getString("value")).startsWith("sealed:1:");
        assertThat(stored.get("refresh", Document.class).getString("value")).startsWith("sealed:1:");
        assertThat(stored.toJson()).doesNotContain("token-1", "refresh-1");
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN).getRefreshToken().getToken()
                .getTokenValue()).isEqualTo("refresh-1");
    }

    @Test
    void signInsWhoseTokensAnEarlierVersionStoredInClearAreRevokedAtStart() {
        service.save(withAccessToken("a1", "token-1", Duration.ofMinutes(10)));
        // The form an earlier version wrote: the value itself, no hash beside it, nothing sealed yet.
        authorizations().updateOne(Filters.eq("_id", "a1"), Updates.combine(Updates.set("access.value", "token-1"),
                Updates.unset("access.sha256")));
        client.getDatabase("identity").getCollection("platform_secrets").updateOne(Filters.eq("_id", "data-key"),
                Updates.pull("sealedCollections", "oauth2_authorizations"));

        MongoAuthorizationService upgraded = new MongoAuthorizationService(client.getDatabase("identity"),
                new InMemoryRegisteredClientRepository(APP), sealer, clock);

        assertThat(upgraded.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(authorizations().countDocuments()).isZero();
        assertThat(client.getDatabase("identity").getCollection("oauth2_token_lookup").countDocuments()).isZero();
    }

    @Test
    void aLookUpEntryThatPointsAtAnotherSignInFindsNothing() {
        service.save(withAccessToken("a1", "token-1", Duration.ofMinutes(10)));
        service.save(withAccessToken("a2", "token-2", Duration.ofMinutes(10)));
        MongoCollection<Document> lookup = client.getDatabase("identity").getCollection("oauth2_token_lookup");
        Document entry = lookup.find(Filters.eq("authorization", "a1")).first();

        lookup.updateOne(Filters.eq("_id", entry.getString("_id")), Updates.set("authorization", "a2"));

        assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findByToken("token-2", OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo("a2");
    }

    @Test
    void aTokenWrittenInClearIntoTheDatabaseAfterwardsIsNotAccepted() {
        service.save(withAccessToken("a1", "token-1", Duration.ofMinutes(10)));
        authorizations().updateOne(Filters.eq("_id", "a1"), Updates.set("access.value", "token-1"));

        assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    }

    private MongoCollection<Document> authorizations() {
        return client.getDatabase("identity").getCollection("oauth2_authorizations");
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
