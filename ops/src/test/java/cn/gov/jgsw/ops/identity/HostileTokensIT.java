package cn.gov.jgsw.ops.identity;

import cn.gov.jgsw.ops.support.ForgedTokens;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens an attacker would try, each refused with 401 {@code INVALID_TOKEN}, nothing recorded, and the platform
 * answering a genuine token normally afterwards. The well-formed ones are signed with the platform's own key (taken from
 * the running platform, as an insider holding the key-encryption key could), so that only the claim under test is
 * wrong. What someone without that key finds in the store is {@code LocalAttackerIT}'s.
 */
class HostileTokensIT extends PlatformIT {

    private static final String MUTATION = "{\"query\":\"mutation { changeDisplayLanguage(input: {idempotencyKey: "
            + "\\\"hostile-token-1\\\", displayLanguage: EN}) { settings { displayLanguage } } }\"}";
    private static final String INTEGRATION = "integration-api";
    private static String machineClientId;

    static Stream<Hostile> hostileTokens() {
        return Stream.of(
                new Hostile("garbage", it -> "not-a-jwt"),
                new Hostile("three dots of nothing", it -> ".."),
                new Hostile("bad base64", it -> "eyJ!!!.eyJ???.sig"),
                new Hostile("alg none", it -> new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(),
                        it.claims(Duration.ofMinutes(5), it.issuer(), "mobile-app")).serialize()),
                new Hostile("unknown key", it -> it.sign(it.strangerKey(), it.claims(Duration.ofMinutes(5), it.issuer(),
                        "mobile-app"))),
                new Hostile("platform key id, another key", it -> it.sign(it.strangerKeyNamed(it.platformKey().getKeyID()),
                        it.claims(Duration.ofMinutes(5), it.issuer(), "mobile-app"))),
                new Hostile("expired", it -> it.sign(it.platformKey(), it.claims(Duration.ofMinutes(-5), it.issuer(),
                        "mobile-app"))),
                new Hostile("wrong issuer", it -> it.sign(it.platformKey(), it.claims(Duration.ofMinutes(5),
                        "https://evil.example", "mobile-app"))),
                new Hostile("wrong audience", it -> it.sign(it.platformKey(), it.claims(Duration.ofMinutes(5),
                        it.issuer(), "some-other-client"))),
                new Hostile("signature of another token", it -> it.withForeignSignature()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedAndChangesNothing(Hostile hostile) {
        String token = hostile.make().apply(this);
        long before = storedRecords();

        GraphQlClient.Response response = new GraphQlClient(baseUrl(), token).post(MUTATION);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(response.body().toString()).doesNotContain("Exception", "Jwt", "expired", "issuer", "signature");
        assertThat(storedRecords()).isEqualTo(before);
        GraphQlClient genuine = new GraphQlClient(baseUrl(), MobileApp.accessTokenOf(baseUrl(), "guiyang.approver"));
        assertThat(genuine.execute(GraphQlClient.operation("Me")).data().at("/me/bureau/id").asText())
                .isEqualTo("bureau-guiyang");
    }

    /** The same attacks at the machine door, plus a client that is unknown or claims another bureau. */
    static Stream<Hostile> hostileMachineTokens() {
        return Stream.of(
                new Hostile("garbage", it -> "not-a-jwt"),
                new Hostile("alg none", it -> new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(),
                        it.machineClaims(Duration.ofMinutes(5), it.issuer(), INTEGRATION, "bureau-tongzi")).serialize()),
                new Hostile("unknown key", it -> it.sign(it.strangerKey(), it.machineClaims(Duration.ofMinutes(5),
                        it.issuer(), INTEGRATION, "bureau-tongzi"))),
                new Hostile("expired", it -> it.sign(it.platformKey(), it.machineClaims(Duration.ofMinutes(-5),
                        it.issuer(), INTEGRATION, "bureau-tongzi"))),
                new Hostile("wrong issuer", it -> it.sign(it.platformKey(), it.machineClaims(Duration.ofMinutes(5),
                        "https://evil.example", INTEGRATION, "bureau-tongzi"))),
                new Hostile("the app's audience", it -> it.sign(it.platformKey(), it.machineClaims(Duration.ofMinutes(5),
                        it.issuer(), "mobile-app", "bureau-tongzi"))),
                new Hostile("client claims another bureau", it -> it.sign(it.platformKey(),
                        it.machineClaims(Duration.ofMinutes(5), it.issuer(), INTEGRATION, "bureau-zunyi"))),
                new Hostile("client that does not exist", it -> it.sign(it.platformKey(), new JWTClaimsSet.Builder(
                        it.machineClaims(Duration.ofMinutes(5), it.issuer(), INTEGRATION, "bureau-tongzi"))
                        .subject("ic-" + UUID.randomUUID()).build())));
    }

    @ParameterizedTest(name = "machine door: {0}")
    @MethodSource("hostileMachineTokens")
    void isRefusedAtTheMachineDoor(Hostile hostile) {
        IntegrationMachine.Answer answer = new IntegrationMachine(baseUrl())
                .get("/integration/v1/caller", hostile.make().apply(this));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.wwwAuthenticate()).startsWith("Bearer");
    }

    /** The control: the same forged claims, nothing wrong with them, pass; so each refusal above is its claim's. */
    @Test
    void theMachineDoorsControlTokenPasses() {
        IntegrationMachine.Answer answer = new IntegrationMachine(baseUrl()).get("/integration/v1/caller",
                sign(platformKey(), machineClaims(Duration.ofMinutes(5), issuer(), INTEGRATION, "bureau-tongzi")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("bureauId").asText()).isEqualTo("bureau-tongzi");
    }

    /** A client of Tongzi, registered once by its bureau admin. */
    JWTClaimsSet machineClaims(Duration expiresIn, String issuer, String audience, String tenant) {
        if (machineClientId == null) {
            machineClientId = Phones.of(baseUrl(), "tongzi.bureau-admin").execute(
                            GraphQlClient.operation("RegisterIntegrationClient"),
                            Map.of("input", Map.of("idempotencyKey", UUID.randomUUID().toString(),
                                    "name", "令牌测试网关", "scopes", List.of("TELEMETRY_WRITE"))))
                    .data().at("/registerIntegrationClient/client/id").asText();
        }
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(machineClientId)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(expiresIn)))
                .claim("tenant", tenant)
                .claim("scope", List.of("telemetry:write"))
                .build();
    }

    record Hostile(String name, Function<HostileTokensIT, String> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    String issuer() {
        return baseUrl();
    }

    JWTClaimsSet claims(Duration expiresIn, String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("user-guiyang-approver")
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(expiresIn)))
                .claim("tenant", "bureau-guiyang")
                .claim("roles", List.of("BUREAU_ADMIN"))
                .build();
    }

    RSAKey platformKey() {
        return platformSigningKey();
    }

    RSAKey strangerKey() {
        return strangerKeyNamed("stranger");
    }

    RSAKey strangerKeyNamed(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(RSAKey key, JWTClaimsSet claims) {
        return ForgedTokens.sign(key, claims);
    }

    /** A genuine token's header and signature around claims changed to another bureau. */
    String withForeignSignature() {
        String[] genuine = MobileApp.accessTokenOf(baseUrl(), "guiyang.approver").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(genuine[1])).replace("bureau-guiyang", "bureau-zunyi");
        return genuine[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
                + genuine[2];
    }
}
