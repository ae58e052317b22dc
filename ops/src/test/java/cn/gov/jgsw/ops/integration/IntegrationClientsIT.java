package cn.gov.jgsw.ops.integration;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau admin registers a machine of the bureau, the machine gets tokens with client credentials and reaches the
 * machine endpoints with its scopes only, in its bureau only; rotation and disabling take effect at once.
 */
class IntegrationClientsIT extends PlatformIT {

    private static final String TELEMETRY = "TELEMETRY_WRITE";

    private final IntegrationMachine machine = new IntegrationMachine(baseUrl());

    private GraphQlClient admin(String bureau) {
        return Phones.of(baseUrl(), bureau + ".bureau-admin");
    }

    private static Map<String, Object> input(Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        return Map.of("input", input);
    }

    private JsonNode register(String bureau, String name, List<String> scopes) {
        GraphQlClient.Response response = admin(bureau).execute(GraphQlClient.operation("RegisterIntegrationClient"),
                input(Map.of("name", name, "scopes", scopes)));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data().get("registerIntegrationClient");
    }

    private String tokenOf(String clientId, String secret, String scope) {
        IntegrationMachine.Answer answer = machine.requestToken(clientId, secret, scope);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.accessToken();
    }

    private static JsonNode claimsOf(String jwt) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRegisteredMachineGetsATokenForItsBureauAndScopesOnly() throws Exception {
        JsonNode registered = register("tongzi", "车载北斗终端网关", List.of(TELEMETRY));
        String clientId = registered.at("/client/id").asText();
        String secret = registered.get("secret").asText();

        assertThat(secret).startsWith("jgsw_ic_").hasSizeGreaterThan(40);
        assertThat(registered.at("/client/enabled").asBoolean()).isTrue();
        assertThat(registered.at("/client/scopes").toString()).isEqualTo("[\"TELEMETRY_WRITE\"]");
        assertThat(registered.at("/client/secrets/0/fingerprint").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(secret.getBytes(StandardCharsets.UTF_8))).substring(0, 12));
        assertThat(registered.at("/client/secrets/0/validUntil").isNull()).isTrue();

        String token = tokenOf(clientId, secret, "telemetry:write");
        JsonNode claims = claimsOf(token);
        assertThat(claims.get("tenant").asText()).isEqualTo("bureau-tongzi");
        assertThat(claims.get("sub").asText()).isEqualTo(clientId);
        // One audience is written as a plain string (RFC 7519 §4.1.3 allows both).
        assertThat(claims.get("aud").asText()).isEqualTo("integration-api");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(600);

        IntegrationMachine.Answer caller = machine.get("/integration/v1/caller", token);
        assertThat(caller.status()).isEqualTo(200);
        assertThat(caller.body().get("clientId").asText()).isEqualTo(clientId);
        assertThat(caller.body().get("bureauId").asText()).isEqualTo("bureau-tongzi");
        assertThat(caller.body().get("scopes").toString()).isEqualTo("[\"telemetry:write\"]");

        // The telemetry door lets it through (the endpoint judges the body: not a batch); the energy door does not (403).
        IntegrationMachine.Answer telemetry = machine.postJson("/integration/v1/telemetry/positions", token, "[]");
        assertThat(telemetry.status()).isEqualTo(400);
        assertThat(telemetry.body().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_POSITIONS");
        IntegrationMachine.Answer energy = machine.postJson("/integration/v1/energy/readings", token, "[]");
        assertThat(energy.status()).isEqualTo(403);
        assertThat(energy.wwwAuthenticate()).contains("insufficient_scope");

        IntegrationMachine.Answer notGranted = machine.requestToken(clientId, secret, "energy:write");
        assertThat(notGranted.status()).isEqualTo(400);
        assertThat(notGranted.body().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void machineTokensAndPeoplesTokensOpenOnlyTheirOwnDoor() {
        JsonNode registered = register("tongzi", "能耗计量网关", List.of("ENERGY_WRITE"));
        String machineToken = tokenOf(registered.at("/client/id").asText(), registered.get("secret").asText(),
                "energy:write");

        GraphQlClient.Response asPerson = new GraphQlClient(baseUrl(), machineToken)
                .execute(GraphQlClient.operation("Me"));
        assertThat(asPerson.status()).isEqualTo(401);
        assertThat(asPerson.firstErrorCode()).isEqualTo("INVALID_TOKEN");

        String personToken = cn.gov.jgsw.ops.support.MobileApp.accessTokenOf(baseUrl(), "tongzi.bureau-admin");
        IntegrationMachine.Answer asMachine = machine.get("/integration/v1/caller", personToken);
        assertThat(asMachine.status()).isEqualTo(401);
        assertThat(asMachine.wwwAuthenticate()).contains("invalid_token");
    }

    @Test
    void aWrongSecretIsRefusedAndRecordsNothing() {
        JsonNode registered = register("tongzi", "车载终端网关 B", List.of(TELEMETRY));
        String clientId = registered.at("/client/id").asText();
        long before = storedEvents();

        for (String wrong : new String[]{"jgsw_ic_" + "A".repeat(43), registered.get("secret").asText() + "x"}) {
            IntegrationMachine.Answer refused = machine.requestToken(clientId, wrong, "telemetry:write");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("error").asText()).isEqualTo("invalid_client");
        }
        // No secret at all is a malformed request before it is a wrong secret.
        IntegrationMachine.Answer empty = machine.requestToken(clientId, "", "telemetry:write");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("error").asText()).isEqualTo("invalid_request");
        IntegrationMachine.Answer unknown = machine.requestToken("ic-" + UUID.randomUUID(),
                registered.get("secret").asText(), "telemetry:write");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rotationKeepsTheOldSecretForTheOverlapOrEndsItAtOnce() {
        JsonNode registered = register("tongzi", "车载终端网关 C", List.of(TELEMETRY));
        String clientId = registered.at("/client/id").asText();
        String first = registered.get("secret").asText();

        JsonNode overlapping = admin("tongzi").execute(GraphQlClient.operation("RotateIntegrationClientSecret"),
                input(Map.of("clientId", clientId, "keepPreviousSecretHours", 24))).data()
                .get("rotateIntegrationClientSecret");
        String second = overlapping.get("secret").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(overlapping.at("/client/secrets").size()).isEqualTo(2);
        assertThat(overlapping.at("/client/secrets/1/validUntil").isNull()).isFalse();
        tokenOf(clientId, first, "telemetry:write");
        tokenOf(clientId, second, "telemetry:write");

        JsonNode immediate = admin("tongzi").execute(GraphQlClient.operation("RotateIntegrationClientSecret"),
                input(Map.of("clientId", clientId, "keepPreviousSecretHours", 0))).data()
                .get("rotateIntegrationClientSecret");
        String third = immediate.get("secret").asText();
        assertThat(machine.requestToken(clientId, first, "telemetry:write").status()).isEqualTo(401);
        assertThat(machine.requestToken(clientId, second, "telemetry:write").status()).isEqualTo(401);
        tokenOf(clientId, third, "telemetry:write");
    }

    @Test
    void aRetriedRegistrationAnswersTheSameClientWithoutTheSecret() {
        Map<String, Object> sameRequest = input(Map.of("name", "重试网关", "scopes", List.of(TELEMETRY)));
        JsonNode first = admin("tongzi").execute(GraphQlClient.operation("RegisterIntegrationClient"), sameRequest)
                .data().get("registerIntegrationClient");
        JsonNode retry = admin("tongzi").execute(GraphQlClient.operation("RegisterIntegrationClient"), sameRequest)
                .data().get("registerIntegrationClient");

        assertThat(first.get("secret").asText()).startsWith("jgsw_ic_");
        assertThat(retry.get("secret").isNull()).isTrue();
        assertThat(retry.get("client")).isEqualTo(first.get("client"));
        tokenOf(first.at("/client/id").asText(), first.get("secret").asText(), "telemetry:write");
    }

    @Test
    void aDisabledClientLosesItsTokensAtOnceAndCannotBeChanged() {
        JsonNode registered = register("tongzi", "停用测试网关", List.of(TELEMETRY));
        String clientId = registered.at("/client/id").asText();
        String secret = registered.get("secret").asText();
        String token = tokenOf(clientId, secret, "telemetry:write");

        GraphQlClient.Response noReason = admin("tongzi").execute(GraphQlClient.operation("DisableIntegrationClient"),
                input(Map.of("clientId", clientId, "reason", " ")));
        assertThat(noReason.firstErrorCode()).isEqualTo("REASON_REQUIRED");

        JsonNode disabled = admin("tongzi").execute(GraphQlClient.operation("DisableIntegrationClient"),
                input(Map.of("clientId", clientId, "reason", "网关已更换"))).data().get("disableIntegrationClient");
        assertThat(disabled.at("/client/enabled").asBoolean()).isFalse();

        assertThat(machine.get("/integration/v1/caller", token).status()).isEqualTo(401);
        assertThat(machine.requestToken(clientId, secret, "telemetry:write").status()).isEqualTo(401);
        GraphQlClient.Response rotate = admin("tongzi").execute(GraphQlClient.operation("RotateIntegrationClientSecret"),
                input(Map.of("clientId", clientId, "keepPreviousSecretHours", 0)));
        assertThat(rotate.firstErrorCode()).isEqualTo("INTEGRATION_CLIENT_DISABLED");
    }

    @Test
    void anotherBureausClientIsNotFoundAndOnlyBureauAdminsManageClients() {
        JsonNode tongzis = register("tongzi", "桐梓网关", List.of(TELEMETRY));
        String clientId = tongzis.at("/client/id").asText();
        long before = storedEvents();

        GraphQlClient zunyiAdmin = admin("zunyi");
        GraphQlClient.Response foreign = zunyiAdmin.execute(GraphQlClient.operation("DisableIntegrationClient"),
                input(Map.of("clientId", clientId, "reason", "越权", "idempotencyKey", "matrix-key-1")));
        GraphQlClient.Response missing = zunyiAdmin.execute(GraphQlClient.operation("DisableIntegrationClient"),
                input(Map.of("clientId", "ic-" + UUID.randomUUID(), "reason", "越权", "idempotencyKey", "matrix-key-2")));
        assertThat(foreign.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body()).isEqualTo(missing.body());
        GraphQlClient.Response foreignRotation = zunyiAdmin.execute(
                GraphQlClient.operation("RotateIntegrationClientSecret"),
                input(Map.of("clientId", clientId, "keepPreviousSecretHours", 0)));
        assertThat(foreignRotation.firstErrorCode()).isEqualTo("NOT_FOUND");
        zunyiAdmin.execute(GraphQlClient.operation("IntegrationClients"), Map.of("first", 50)).data()
                .at("/integrationClients/edges").forEach(edge ->
                        assertThat(edge.at("/node/id").asText()).isNotEqualTo(clientId));

        GraphQlClient.Response notAdmin = Phones.of(baseUrl(), "tongzi.dispatcher").execute(
                GraphQlClient.operation("RegisterIntegrationClient"),
                input(Map.of("name", "越权网关", "scopes", List.of(TELEMETRY))));
        assertThat(notAdmin.firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(tokenOf(clientId, tongzis.get("secret").asText(), "telemetry:write")).isNotBlank();
    }

    /**
     * The client's name and a disabling reason, sent with text that has no place in a record (as JSON escapes, so a
     * lone surrogate arrives as such): refused with their codes, nothing recorded, not even a secret's verifier.
     */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefusedInNameAndReason(String sample) {
        String clientId = register("tongzi", "文本测试网关", List.of(TELEMETRY)).at("/client/id").asText();
        long events = storedEvents();
        long verifiers = platformDatabase.getCollection("integration_client_secrets").countDocuments();

        GraphQlClient.Response badName = admin("tongzi").post(HostileText.body("RegisterIntegrationClient",
                input(Map.of("name", HostileText.placeholder(), "scopes", List.of(TELEMETRY))), sample));
        GraphQlClient.Response badReason = admin("tongzi").post(HostileText.body("DisableIntegrationClient",
                input(Map.of("clientId", clientId, "reason", HostileText.placeholder())), sample));

        assertThat(badName.firstErrorCode()).as(sample).isEqualTo("INVALID_CLIENT_NAME");
        assertThat(badReason.firstErrorCode()).as(sample).isEqualTo("REASON_REQUIRED");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(platformDatabase.getCollection("integration_client_secrets").countDocuments()).isEqualTo(verifiers);
    }

    @Test
    void theRecordNamesWhoGaveWhichMachineAccessButNeverHoldsASecret() {
        JsonNode registered = register("tongzi", "审计网关", List.of(TELEMETRY));
        String clientId = registered.at("/client/id").asText();
        String secret = registered.get("secret").asText();

        List<Document> events = platformDatabase.getCollection("event_log")
                .find(new Document("aggregateIdentifier", clientId)).into(new java.util.ArrayList<>());
        assertThat(events).extracting(event -> event.getString("payloadType")).containsExactly(
                "cn.gov.jgsw.domain.integration.api.IntegrationClientRegisteredEvent",
                "cn.gov.jgsw.domain.integration.api.IntegrationClientSecretIssuedEvent");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getString("tenantId")).isEqualTo("bureau-tongzi");
            assertThat(event.get("metaData", Document.class).getString("userId")).isEqualTo("user-tongzi-bureau-admin");
            assertThat(event.toJson()).doesNotContain(secret).doesNotContain(secret.substring(8));
        });
        Document verifier = platformDatabase.getCollection("integration_client_secrets")
                .find(new Document("clientId", clientId)).first();
        assertThat(verifier.toJson()).doesNotContain(secret.substring(8));
        assertThat(platformDatabase.getCollection("idempotency_records").find().into(new java.util.ArrayList<>()))
                .allSatisfy(record -> assertThat(record.toJson()).doesNotContain(secret.substring(8)));
    }
}
