package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever arrives malformed gets a clean error with a stable code, reveals nothing internal and records nothing. */
class BadInputIT extends PlatformIT {

    private static final String CHANGE = GraphQlClient.operation("ChangeDisplayLanguage");
    private static final Map<String, Object> INPUT = Map.of("input",
            Map.of("idempotencyKey", "bad-input-test-key", "displayLanguage", "EN"));

    /**
     * Times outside the product's years (1990 to 2099) are refused at the door as the client's mistake, on queries
     * and mutations alike; they once reached the database or a projection and came back as INTERNAL_ERROR.
     */
    @Test
    void timesOutsideTheProductsYearsAreTheClientsMistakeEverywhere() {
        GraphQlClient admin = Phones.of(baseUrl(), "nanming.bureau-admin");
        GraphQlClient dispatcher = Phones.of(baseUrl(), "nanming.dispatcher");
        String far = "+999999999-01-01T00:00:00+08:00";
        String before = "-999999999-01-01T00:00:00+08:00";
        long records = storedRecords();

        List<GraphQlClient.Response> answers = List.of(
                admin.execute(GraphQlClient.operation("FleetUsage"), Map.of("from", before, "to", far)),
                dispatcher.execute(GraphQlClient.operation("DispatchableVehicles"),
                        Map.of("plannedStart", far, "plannedEnd", far)),
                dispatcher.execute(GraphQlClient.operation("AvailableDrivers"),
                        Map.of("plannedStart", before, "plannedEnd", far)),
                admin.execute(GraphQlClient.operation("SealVehicle"), Map.of("input", Map.of(
                        "idempotencyKey", UUID.randomUUID().toString(), "vehicleId", "vehicle-nanming-1",
                        "start", "0000-01-01T00:00:00+08:00", "end", "0000-01-02T00:00:00+08:00",
                        "reason", "封存"))));

        for (GraphQlClient.Response answer : answers) {
            assertThat(answer.firstErrorCode()).as(answer.body().toString()).isEqualTo("INVALID_QUERY");
            assertThat(answer.firstError().at("/extensions/detail").asText()).contains("from 1990 to 2099");
            assertThat(answer.body().toString()).doesNotContain("Exception");
        }
        assertThat(storedRecords()).isEqualTo(records);
        GraphQlClient.Response ended = admin.execute(GraphQlClient.operation("SealVehicle"), Map.of("input", Map.of(
                "idempotencyKey", UUID.randomUUID().toString(), "vehicleId", "vehicle-nanming-1",
                "start", "2020-01-01T00:00:00+08:00", "end", "2020-01-02T00:00:00+08:00", "reason", "封存")));
        assertThat(ended.firstErrorCode()).as("a sealing already over").isEqualTo("INVALID_SEALING");
    }

    @Test
    void withoutATokenTheApiAsksToSignIn() {
        long before = storedRecords();

        GraphQlClient.Response response = new GraphQlClient(baseUrl(), null).execute(CHANGE, INPUT);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.firstError().path("message").asText()).isEqualTo("请先登录。");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void aMalformedTokenIsRefusedInTheCallersLanguage() {
        long before = storedRecords();

        GraphQlClient.Response response = new GraphQlClient(baseUrl(), "not.a.token", "en").execute(CHANGE, INPUT);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(response.firstError().path("message").asText())
                .isEqualTo("The sign-in has expired or is invalid. Please sign in again.");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenWithPlausibleClaims() throws Exception {
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("user-nanming-bureau-admin")
                .claim("tenant", "bureau-nanming")
                .claim("roles", List.of("BUREAU_ADMIN"))
                .claim("unit", "bureau-nanming-office")
                .audience("mobile-app")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attackerKey.getKeyID()).build(),
                claims);
        forged.sign(new RSASSASigner(attackerKey));
        long before = storedRecords();

        GraphQlClient.Response response = new GraphQlClient(baseUrl(), forged.serialize()).execute(CHANGE, INPUT);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(response.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_token\", "
                + "error_description=\"invalid token\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void introspectionForGraphiQlWorksInTheDemoProfileDespiteTheQueryLimits() {
        GraphQlClient client = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant"));
        GraphQlClient.Response response = client.execute(GraphQlClient.operation("Introspection"));

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        assertThat(response.data().at("/__schema/queryType/name").asText()).isEqualTo("Query");
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        String idToken = new MobileApp(baseUrl()).signIn("nanming.civil-servant", MobileApp.DEMO_PASSWORD,
                MobileApp.LOOPBACK_REDIRECT).get("id_token").asText();
        assertThat(idToken).isNotBlank();

        GraphQlClient.Response response = new GraphQlClient(baseUrl(), idToken).execute(GraphQlClient.operation("Me"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anUnparseableDocumentGetsASyntaxError() {
        GraphQlClient client = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant"));
        long before = storedRecords();

        GraphQlClient.Response response = client.execute("mutation { changeDisplayLanguage(input: { ");

        assertThat(response.firstErrorCode()).isEqualTo("INVALID_SYNTAX");
        assertThat(response.firstError().path("message").asText()).isEqualTo("请求格式不正确。");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void aFieldThatDoesNotExistGetsAValidationError() {
        GraphQlClient client = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant"));

        GraphQlClient.Response response = client.execute("{ me { password } }");

        assertThat(response.firstErrorCode()).isEqualTo("INVALID_QUERY");
    }

    @Test
    void aDocumentNestedDeeperThanAnyScreenIsRefusedBeforeItRuns() {
        GraphQlClient client = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant"));
        String deep = "{ me { bureau { " + "parent { ".repeat(10) + "id" + " }".repeat(10) + " } } }";

        GraphQlClient.Response response = client.inLanguage("en").execute(deep);

        assertThat(response.firstErrorCode()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(response.firstError().path("message").asText())
                .isEqualTo("The request is nested too deeply or asks for too much.");
        assertThat(response.data().isMissingNode() || response.data().isNull()).isTrue();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithoutDetail() {
        GraphQlClient client = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant"));
        long before = storedRecords();

        GraphQlClient.Response response = client.post("{\"query\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.firstErrorCode()).isEqualTo("INVALID_SYNTAX");
        assertThat(response.firstError().path("message").asText()).isEqualTo("请求格式不正确。");
        assertThat(String.valueOf(response.body())).doesNotContain("Exception").doesNotContain("at cn.");
        assertThat(storedRecords()).isEqualTo(before);
    }
}
