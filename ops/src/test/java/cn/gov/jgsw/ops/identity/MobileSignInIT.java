package cn.gov.jgsw.ops.identity;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.gov.jgsw.tenants.identity.PlatformUser;
import cn.gov.jgsw.tenants.identity.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mobile app signs in through the system browser with PKCE and calls the API with the token it got. */
class MobileSignInIT extends PlatformIT {

    @Autowired
    private UserAccounts userAccounts;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signingInWithPkceGivesATokenWhoseMeIsThePersonAndTheirBureau() throws Exception {
        JsonNode tokens = new MobileApp(baseUrl()).signIn("nanming.civil-servant", MobileApp.DEMO_PASSWORD,
                MobileApp.LOOPBACK_REDIRECT);
        String accessToken = tokens.get("access_token").asText();

        JsonNode claims = claimsOf(accessToken);
        assertThat(claims.get("tenant").asText()).isEqualTo("bureau-nanming");
        assertThat(claims.get("unit").asText()).isEqualTo("bureau-nanming-office");
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("CIVIL_SERVANT");
        assertThat(claims.get("sub").asText()).isEqualTo("user-nanming-civil-servant");
        assertThat(tokens.get("expires_in").asInt()).isLessThanOrEqualTo(600);

        GraphQlClient.Response response = new GraphQlClient(baseUrl(), accessToken)
                .execute(GraphQlClient.operation("Me"));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        JsonNode me = response.data().get("me");
        assertThat(me.at("/person/id").asText()).isEqualTo("user-nanming-civil-servant");
        assertThat(me.at("/person/username").asText()).isEqualTo("nanming.civil-servant");
        assertThat(me.at("/bureau/id").asText()).isEqualTo("bureau-nanming");
        assertThat(me.at("/bureau/divisionCode").asText()).isEqualTo("520102");
        assertThat(me.at("/bureau/level").asText()).isEqualTo("COUNTY");
        assertThat(me.at("/bureau/parent/divisionCode").asText()).isEqualTo("520100");
        assertThat(me.at("/bureau/parent/parent/divisionCode").asText()).isEqualTo("520000");
        assertThat(me.at("/bureau/parent/parent/parent").isNull()).isTrue();
        assertThat(me.at("/unit/name").asText()).isEqualTo("办公室");
        assertThat(me.at("/roles/0").asText()).isEqualTo("CIVIL_SERVANT");
    }

    @Test
    void theRefreshTokenIsRotatedOnEveryUseAndGivesAWorkingAccessToken() throws Exception {
        MobileApp app = new MobileApp(baseUrl());
        JsonNode first = app.signIn("nanming.approver", MobileApp.DEMO_PASSWORD, MobileApp.LOOPBACK_REDIRECT);
        String firstRefresh = first.get("refresh_token").asText();

        HttpResponse<String> refreshed = app.refresh(firstRefresh);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(refreshed.body());
        assertThat(tokens.get("refresh_token").asText()).isNotBlank().isNotEqualTo(firstRefresh);
        assertThat(tokens.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(tokens.get("expires_in").asInt()).isLessThanOrEqualTo(600);
        assertThat(claimsOf(tokens.get("access_token").asText()).get("tenant").asText()).isEqualTo("bureau-nanming");
        GraphQlClient.Response me = new GraphQlClient(baseUrl(), tokens.get("access_token").asText())
                .execute(GraphQlClient.operation("Me"));
        assertThat(me.data().at("/me/person/id").asText()).isEqualTo("user-nanming-approver");
    }

    @Test
    void aRefreshTokenUsedTwiceRevokesTheWholeSignInItsNewestTokenIncluded() throws Exception {
        MobileApp app = new MobileApp(baseUrl());
        String stolen = app.signIn("nanming.dispatcher", MobileApp.DEMO_PASSWORD, MobileApp.LOOPBACK_REDIRECT)
                .get("refresh_token").asText();
        String newest = JSON.readTree(app.refresh(stolen).body()).get("refresh_token").asText();

        HttpResponse<String> replayed = app.refresh(stolen);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replayed.body()).get("error").asText()).isEqualTo("invalid_grant");
        HttpResponse<String> afterRevocation = app.refresh(newest);
        assertThat(afterRevocation.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(afterRevocation.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void signingOutRevokesTheRefreshToken() throws Exception {
        MobileApp app = new MobileApp(baseUrl());
        String refresh = app.signIn("yunyan.civil-servant", MobileApp.DEMO_PASSWORD, MobileApp.LOOPBACK_REDIRECT)
                .get("refresh_token").asText();

        HttpResponse<String> someoneElse = app.postForm(baseUrl() + "/oauth2/revoke",
                Map.of("token", refresh, "client_id", "not-a-client"));
        assertThat(someoneElse.statusCode()).isEqualTo(401);
        assertThat(app.revoke(refresh).statusCode()).isEqualTo(200);

        HttpResponse<String> afterSignOut = app.refresh(refresh);
        assertThat(afterSignOut.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(afterSignOut.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void afterTheBrowserLogoutTheNextSignInAsksForThePasswordAgain() {
        MobileApp app = new MobileApp(baseUrl());
        String idToken = app.signIn("tongzi.civil-servant", MobileApp.DEMO_PASSWORD, MobileApp.LOOPBACK_REDIRECT)
                .get("id_token").asText();
        HttpResponse<String> stillSignedIn = app.get(app.authorizationUrl(MobileApp.LOOPBACK_REDIRECT,
                MobileApp.challengeOf(MobileApp.codeVerifier()), "S256", "state-2"));
        assertThat(MobileApp.location(stillSignedIn)).as("the browser session skips the form")
                .startsWith(MobileApp.LOOPBACK_REDIRECT);

        HttpResponse<String> logout = app.get(baseUrl() + "/connect/logout?id_token_hint=" + idToken);
        assertThat(logout.statusCode()).as(logout.body()).isIn(200, 302);

        HttpResponse<String> afterLogout = app.get(app.authorizationUrl(MobileApp.LOOPBACK_REDIRECT,
                MobileApp.challengeOf(MobileApp.codeVerifier()), "S256", "state-3"));
        assertThat(MobileApp.location(afterLogout)).contains("/login");
    }

    @Test
    void aRefreshNamingAnotherClientOrNoneIsRefused() throws Exception {
        MobileApp app = new MobileApp(baseUrl());
        String refresh = app.signIn("nanming.driver", MobileApp.DEMO_PASSWORD, MobileApp.LOOPBACK_REDIRECT)
                .get("refresh_token").asText();

        HttpResponse<String> unknownClient = app.postForm(baseUrl() + "/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "not-a-client"));
        HttpResponse<String> noClient = app.postForm(baseUrl() + "/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refresh));

        assertThat(unknownClient.statusCode()).isEqualTo(401);
        assertThat(noClient.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownClient.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(JSON.readTree(noClient.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(app.refresh(refresh).statusCode()).as("the genuine app still can").isEqualTo(200);
    }

    @Test
    void theAppsPrivateSchemeRedirectReceivesTheCode() {
        JsonNode tokens = new MobileApp(baseUrl()).signIn("yunyan.driver", MobileApp.DEMO_PASSWORD,
                "cn.gov.jgsw.mobile:/oauth2/callback");
        assertThat(tokens.get("access_token").asText()).isNotBlank();
    }

    @Test
    void aLoopbackRedirectOnAnyPortIsAccepted() {
        JsonNode tokens = new MobileApp(baseUrl()).signIn("tongzi.approver", MobileApp.DEMO_PASSWORD,
                "http://127.0.0.1:61234/callback");
        assertThat(claimsOf(tokens.get("access_token").asText()).get("tenant").asText()).isEqualTo("bureau-tongzi");
    }

    @Test
    void anAuthorizationRequestWithoutPkceGetsNoCode() {
        MobileApp app = new MobileApp(baseUrl());
        signInOnTheForm(app);
        HttpResponse<String> response = app.get(app.authorizationUrl(MobileApp.LOOPBACK_REDIRECT, null, null, "s"));
        assertNoCodeIssued(response);
    }

    @Test
    void aPlainCodeChallengeGetsNoCode() {
        MobileApp app = new MobileApp(baseUrl());
        signInOnTheForm(app);
        HttpResponse<String> response = app.get(
                app.authorizationUrl(MobileApp.LOOPBACK_REDIRECT, MobileApp.codeVerifier(), "plain", "s"));
        assertNoCodeIssued(response);
    }

    @Test
    void anUnregisteredRedirectIsRefusedWithoutRedirecting() {
        MobileApp app = new MobileApp(baseUrl());
        signInOnTheForm(app);
        HttpResponse<String> response = app.get(app.authorizationUrl("http://localhost:49152/callback",
                MobileApp.challengeOf(MobileApp.codeVerifier()), "S256", "s"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theCodeIsUselessWithoutTheMatchingVerifier() {
        MobileApp app = new MobileApp(baseUrl());
        String verifier = MobileApp.codeVerifier();
        app.get(app.authorizationUrl(MobileApp.LOOPBACK_REDIRECT, MobileApp.challengeOf(verifier), "S256", "s"));
        String csrf = app.csrfTokenOfLoginForm();
        String continueUrl = MobileApp.location(app.postForm(baseUrl() + "/login", Map.of(
                "username", "nanming.approver", "password", MobileApp.DEMO_PASSWORD, "_csrf", csrf)));
        String callback = MobileApp.location(app.get(continueUrl.startsWith("http") ? continueUrl : baseUrl() + continueUrl));
        String code = MobileApp.queryParameter(callback, "code");

        HttpResponse<String> exchange = app.postForm(baseUrl() + "/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", MobileApp.LOOPBACK_REDIRECT,
                "client_id", MobileApp.CLIENT_ID, "code_verifier", MobileApp.codeVerifier()));
        assertThat(exchange.statusCode()).isEqualTo(400);
        assertThat(exchange.body()).contains("invalid_grant");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhileButOtherAccountsStillSignIn() {
        // An account no other test signs in with: the lock outlives this test in the shared platform.
        MobileApp guesser = new MobileApp(baseUrl());
        for (int attempt = 0; attempt < 5; attempt++) {
            String csrf = guesser.csrfTokenOfLoginForm();
            assertThat(MobileApp.location(guesser.postForm(baseUrl() + "/login", Map.of(
                    "username", "zunyi.property-staff", "password", "guess-" + attempt, "_csrf", csrf))))
                    .contains("/login?error");
        }

        String csrf = guesser.csrfTokenOfLoginForm();
        HttpResponse<String> rightPassword = guesser.postForm(baseUrl() + "/login", Map.of(
                "username", "zunyi.property-staff", "password", MobileApp.DEMO_PASSWORD, "_csrf", csrf));

        assertThat(MobileApp.location(rightPassword)).contains("/login?locked");
        assertThat(guesser.get(baseUrl() + "/login?locked").body()).contains("登录失败次数过多");
        assertThat(MobileApp.accessTokenOf(baseUrl(), "zunyi.approver")).isNotBlank();
    }

    @Test
    void anOldBcryptPasswordHashIsReplacedByArgon2idAtTheNextSignIn() {
        PlatformUser approver = userAccounts.findByUsername("yunyan.approver").orElseThrow();
        userAccounts.save(new PlatformUser(approver.id(), approver.tenantId(), approver.username(),
                "{bcrypt}" + new BCryptPasswordEncoder().encode(MobileApp.DEMO_PASSWORD), approver.displayName(),
                approver.unitId(), approver.roles(), true));

        assertThat(MobileApp.accessTokenOf(baseUrl(), "yunyan.approver")).isNotBlank();

        assertThat(userAccounts.findByUsername("yunyan.approver").orElseThrow().passwordHash()).startsWith("{argon2}");
    }

    @Test
    void aWrongPasswordSendsTheBrowserBackToTheForm() {
        MobileApp app = new MobileApp(baseUrl());
        String csrf = app.csrfTokenOfLoginForm();
        HttpResponse<String> response = app.postForm(baseUrl() + "/login", Map.of(
                "username", "nanming.civil-servant", "password", "wrong", "_csrf", csrf));
        assertThat(MobileApp.location(response)).contains("/login?error");
    }

    @Test
    void theSignInPageSpeaksChineseUnlessTheBrowserAsksForEnglish() {
        MobileApp app = new MobileApp(baseUrl());
        HttpResponse<String> chinese = app.get(baseUrl() + "/login");
        HttpResponse<String> failed = app.get(baseUrl() + "/login?error");

        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">", "账号", "密码", "name=\"_csrf\"");
        assertThat(failed.body()).contains("账号或密码不正确");
    }

    @Test
    void discoveryDescribesTheAuthorizationServer() throws Exception {
        MobileApp app = new MobileApp(baseUrl());
        JsonNode discovery = JSON.readTree(app.get(baseUrl() + "/.well-known/openid-configuration").body());
        assertThat(discovery.get("authorization_endpoint").asText()).endsWith("/oauth2/authorize");
        assertThat(discovery.get("token_endpoint").asText()).endsWith("/oauth2/token");
        assertThat(discovery.get("jwks_uri").asText()).endsWith("/oauth2/jwks");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    private void signInOnTheForm(MobileApp app) {
        String csrf = app.csrfTokenOfLoginForm();
        app.postForm(baseUrl() + "/login", Map.of(
                "username", "nanming.civil-servant", "password", MobileApp.DEMO_PASSWORD, "_csrf", csrf));
    }

    private static void assertNoCodeIssued(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("code=");
        assertThat(response.statusCode() == 400 || location.contains("error=")).isTrue();
    }

    static JsonNode claimsOf(String jwt) {
        try {
            String payload = jwt.split("\\.")[1];
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
