package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.GraphQlSocket;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.ops.support.RequestFlood;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Limits checked before GraphQL parses anything: body size, one operation per request, request rate on every door. */
class ApiLimitsIT extends PlatformIT {

    @Test
    void anOversizedBodyIsRefusedAndRecordsNothing() {
        GraphQlClient phone = Phones.of(baseUrl(), "zunyi.dispatcher");
        long before = storedRecords();
        String padding = "x".repeat(40 * 1024);

        GraphQlClient.Response response = phone.post("{\"query\":\"{ me { roles } }\",\"variables\":{\"pad\":\""
                + padding + "\"}}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.firstErrorCode()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void aBatchOfOperationsIsRefused() {
        GraphQlClient.Response response = Phones.of(baseUrl(), "zunyi.dispatcher")
                .post("[{\"query\":\"{ me { roles } }\"},{\"query\":\"{ me { roles } }\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.firstErrorCode()).isEqualTo("BATCH_NOT_SUPPORTED");
        assertThat(response.firstError().get("message").asText()).isNotBlank();
    }

    @Test
    void aPersonSendingFasterThanAnyScreenIsToldWhenToRetryAndOthersAreNotAffected() throws Exception {
        GraphQlClient script = Phones.of(baseUrl(), "zunyi.asset-manager");
        GraphQlClient colleague = Phones.of(baseUrl(), "zunyi.driver");
        List<GraphQlClient.Response> refused = new ArrayList<>();
        for (GraphQlClient.Response response : RequestFlood.send(200,
                () -> script.post("{\"query\":\"{ me { roles } }\"}"))) {
            if (response.status() == 429) {
                refused.add(response);
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }

        assertThat(refused).isNotEmpty().allSatisfy(response -> {
            assertThat(response.firstErrorCode()).isEqualTo("RATE_LIMITED");
            assertThat(Integer.parseInt(response.retryAfter())).isPositive();
            assertThat(response.firstError().at("/extensions/retryAfterSeconds").asInt()).isPositive();
        });
        assertThat(colleague.post("{\"query\":\"{ me { roles } }\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> script.post("{\"query\":\"{ me { roles } }\"}").status() == 200);
    }

    /** The files of the API share the person's budget: a script cannot move its flood from /graphql to /api. */
    @Test
    void theFilesOfTheApiShareThePersonsRateBudget() throws Exception {
        String token = Phones.accessTokenOf(baseUrl(), "zunyi.asset-manager");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest photo = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/photos/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token).GET().build();
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (HttpResponse<String> response : RequestFlood.send(200,
                () -> http.send(photo, HttpResponse.BodyHandlers.ofString()))) {
            if (response.statusCode() == 429) {
                refused.add(response);
            } else {
                assertThat(response.statusCode()).as("a photo that does not exist").isEqualTo(404);
            }
        }

        assertThat(refused).isNotEmpty().allSatisfy(response -> {
            assertThat(response.body()).contains("\"RATE_LIMITED\"");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        });
        GraphQlClient script = Phones.of(baseUrl(), "zunyi.asset-manager");
        await().atMost(Duration.ofSeconds(10)).until(() -> script.post("{\"query\":\"{ me { roles } }\"}").status() == 200);
    }

    /**
     * The socket draws on the same budget as HTTP: a script that has spent it over HTTP and moves its operations
     * onto the socket is refused there with the same code, nothing run. The socket is opened first and the budget
     * spent just before its operations are sent, so some are refused however slowly a busy machine serves them.
     */
    @Test
    void theSocketSharesThePersonsRateBudget() throws Exception {
        String token = Phones.accessTokenOf(baseUrl(), "zunyi.energy-manager");
        GraphQlClient script = new GraphQlClient(baseUrl(), token);
        try (GraphQlSocket socket = GraphQlSocket.open(baseUrl())) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
            assertThat(socket.next(Duration.ofSeconds(10)).get("type").asText()).isEqualTo("connection_ack");
            assertThat(RequestFlood.send(200, () -> script.post("{\"query\":\"{ me { roles } }\"}")))
                    .anySatisfy(response -> assertThat(response.status()).isEqualTo(429));
            int operations = 300;
            for (int i = 0; i < operations; i++) {
                socket.send(Map.of("id", "q-" + i, "type", "subscribe",
                        "payload", Map.of("query", "{ me { roles } }")));
            }
            List<JsonNode> refused = new ArrayList<>();
            Set<String> answered = new HashSet<>();
            JsonNode message;
            while (answered.size() < operations && (message = socket.next(Duration.ofSeconds(10))) != null) {
                if (!"complete".equals(message.path("type").asText())) {
                    answered.add(message.path("id").asText());
                }
                if (message.toString().contains("\"RATE_LIMITED\"")) {
                    refused.add(message);
                }
            }
            assertThat(answered).as("every operation answered").hasSize(operations);
            assertThat(refused).isNotEmpty().allSatisfy(answer -> {
                JsonNode error = answer.path("payload").path("errors").path(0);
                assertThat(error.path("message").asText()).isNotBlank();
                assertThat(error.at("/extensions/retryAfterSeconds").asInt()).isPositive();
                assertThat(answer.path("payload").path("data").path("me").isMissingNode()
                        || answer.path("payload").path("data").path("me").isNull()).as("nothing run").isTrue();
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> script.post("{\"query\":\"{ me { roles } }\"}").status() == 200);
    }

    /** A socket message larger than any the app sends closes the socket as too big (1009), nothing run. */
    @Test
    void anOversizedSocketMessageClosesTheSocket() throws Exception {
        String token = Phones.accessTokenOf(baseUrl(), "zunyi.energy-manager");
        long before = storedRecords();
        try (GraphQlSocket socket = GraphQlSocket.open(baseUrl())) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
            assertThat(socket.next(Duration.ofSeconds(10)).get("type").asText()).isEqualTo("connection_ack");
            socket.send(Map.of("id", "big", "type", "subscribe", "payload", Map.of("query", "{ me { roles } }",
                    "variables", Map.of("pad", "x".repeat(40 * 1024)))));
            assertThat(socket.closeCode(Duration.ofSeconds(10))).isEqualTo(1009);
        }
        assertThat(storedRecords()).isEqualTo(before);
    }
}
