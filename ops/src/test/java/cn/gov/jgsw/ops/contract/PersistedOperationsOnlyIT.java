package cn.gov.jgsw.ops.contract;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.GraphQlSocket;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.PersistedOnlyPlatform;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.contract.PersistedContract;
import cn.gov.jgsw.ops.vehicles.VehicleOrderSteps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as it runs outside the demo profile, where only the contract's persisted operations run
 * ({@link PersistedOnlyPlatform}). Over HTTP and over the socket: an
 * operation by id runs, a document of the caller's own is refused with {@code PERSISTED_OPERATION_REQUIRED}, an id
 * no manifest holds with {@code PERSISTED_OPERATION_NOT_FOUND}, and a refused request changes nothing.
 */
class PersistedOperationsOnlyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlatformProcess platform;
    private static String baseUrl;

    @BeforeAll
    static void startThePlatformWithPersistedOperationsOnly() {
        platform = PersistedOnlyPlatform.shared();
        baseUrl = platform.baseUrl();
    }

    private static GraphQlClient.Response byId(GraphQlClient phone, String id, Map<String, Object> variables,
                                               String document) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (document != null) {
            body.put("query", document);
        }
        body.put("variables", variables);
        body.put("extensions", GraphQlClient.persistedQuery(id));
        try {
            return phone.post(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPersistedOperationRunsByIdAndTheDocumentItRunsIsTheManifests() {
        GraphQlClient clerk = Phones.of(baseUrl, "nanming.civil-servant");
        String me = PersistedContract.named("Me").orElseThrow().id();

        GraphQlClient.Response answered = byId(clerk, me, Map.of(), null);
        assertThat(answered.hasErrors()).as(answered.body().toString()).isFalse();
        assertThat(answered.data().at("/me/person/displayName").asText()).isNotBlank();

        GraphQlClient.Response otherDocument = byId(clerk, me, Map.of(), "query Me { me { roles } }");
        assertThat(otherDocument.data().at("/me/person/displayName").asText())
                .as("the manifest's document ran, not the one sent").isNotBlank();
    }

    @Test
    void aDocumentOfTheCallersOwnIsRefusedAndChangesNothing() {
        GraphQlClient clerk = Phones.of(baseUrl, "nanming.civil-servant").inLanguage("en");
        Map<String, Object> toEnglish = Map.of("input", MutationInputs.withKey("displayLanguage", "EN"));

        GraphQlClient.Response refused = clerk.execute("mutation Change($input: ChangeDisplayLanguageInput!) {"
                + " changeDisplayLanguage(input: $input) { settings { displayLanguage } } }", toEnglish);
        GraphQlClient.Response introspection = clerk.execute("{ __schema { types { name } } }");

        assertThat(refused.firstErrorCode()).isEqualTo("PERSISTED_OPERATION_REQUIRED");
        assertThat(refused.firstError().get("message").asText()).contains("registered operations");
        assertThat(refused.body().path("data").isMissingNode() || refused.data().isNull()).isTrue();
        assertThat(introspection.firstErrorCode()).isEqualTo("PERSISTED_OPERATION_REQUIRED");
        assertThat(clerk.execute(GraphQlClient.operation("Me")).data().at("/me/settings/displayLanguage").asText())
                .as("unchanged").isNotEqualTo("EN");
    }

    @Test
    void anIdNoManifestHoldsIsRefused() {
        GraphQlClient clerk = Phones.of(baseUrl, "nanming.civil-servant");

        GraphQlClient.Response unknown = byId(clerk, "0".repeat(64), Map.of(), null);
        GraphQlClient.Response unknownWithDocument = byId(clerk, "0".repeat(64), Map.of(), "{ me { roles } }");

        assertThat(unknown.firstErrorCode()).isEqualTo("PERSISTED_OPERATION_NOT_FOUND");
        assertThat(unknownWithDocument.firstErrorCode()).isEqualTo("PERSISTED_OPERATION_NOT_FOUND");
    }

    @Test
    void overTheSocketASubscriptionRunsByIdAndADocumentIsRefused() throws Exception {
        GraphQlClient clerk = Phones.of(baseUrl, "yunyan.civil-servant");
        try (GraphQlSocket socket = GraphQlSocket.open(baseUrl)) {
            socket.send(Map.of("type", "connection_init",
                    "payload", Map.of("Authorization", "Bearer " + Phones.accessTokenOf(baseUrl, "yunyan.approver"))));
            assertThat(socket.next(PATIENCE).get("type").asText()).isEqualTo("connection_ack");

            socket.send(Map.of("id", "own", "type", "subscribe",
                    "payload", Map.of("query", "subscription { myUpdates { id } }")));
            JsonNode refusal = socket.next(PATIENCE);
            assertThat(refusal.toString()).contains("PERSISTED_OPERATION_REQUIRED");

            socket.send(Map.of("id", "updates", "type", "subscribe", "payload", Map.of("operationName", "MyUpdates",
                    "extensions", GraphQlClient.persistedQuery(PersistedContract.named("MyUpdates").orElseThrow()
                            .id()))));
            String orderId = VehicleOrderSteps.placeOrder(clerk, VehicleOrderSteps.freshWindow(), 1);
            String approvalId = VehicleOrderSteps.approvalOf(orderId);
            JsonNode update = null;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (update == null && System.nanoTime() < deadline) {
                JsonNode message = socket.next(Duration.ofMillis(500));
                if (message != null && approvalId.equals(message.at("/payload/data/myUpdates/id").asText())) {
                    update = message;
                }
            }
            assertThat(update).as("the approver hears of the approval waiting").isNotNull();
            assertThat(update.get("id").asText()).isEqualTo("updates");
        }
    }
}
