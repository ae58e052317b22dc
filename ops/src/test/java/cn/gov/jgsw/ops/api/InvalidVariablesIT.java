package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Variables that do not fit the operation: each is refused with a stable code and a message for people, reveals
 * nothing of the server's insides, records nothing; and the platform is healthy and serving afterwards.
 */
class InvalidVariablesIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = GraphQlClient.operation("OrderVehicle");
    private static final String START = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40).withNano(0).toString();
    private static final String END = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40).plusHours(2).withNano(0)
            .toString();
    /** What graphql-java, the scalars or the request reader may answer; anything else is a finding. */
    private static final Set<String> CLEAN_CODES = Set.of("INVALID_QUERY", "INVALID_SYNTAX", "INVALID_INPUT");

    /** A valid order input with one field's JSON replaced, as raw JSON so that wrong types arrive as sent. */
    private static String orderWith(String field, String rawJson) {
        String input = "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"purpose\":\"开会\",\"origin\":\"南明区政府\","
                + "\"destination\":\"省局\",\"plannedStart\":\"" + START + "\",\"plannedEnd\":\"" + END + "\","
                + "\"passengerCount\":1,\"carClass\":\"SEDAN\"}";
        String replaced = input.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)",
                Matcher.quoteReplacement("\"" + field + "\":" + rawJson));
        return body(replaced);
    }

    private static String body(String rawVariablesInput) {
        try {
            return "{\"query\":" + JSON.writeValueAsString(ORDER) + ",\"variables\":{\"input\":" + rawVariablesInput
                    + "}}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> invalidVariables() {
        return Stream.of(
                Arguments.of("no input", "{\"query\":" + quoted(ORDER) + ",\"variables\":{}}"),
                Arguments.of("input is null", body("null")),
                Arguments.of("input is a string", body("\"order me a car\"")),
                Arguments.of("input is a list", body("[1,2,3]")),
                Arguments.of("variables is a string", "{\"query\":" + quoted(ORDER) + ",\"variables\":\"x\"}"),
                Arguments.of("count is text", orderWith("passengerCount", "\"three\"")),
                Arguments.of("count overflows Int", orderWith("passengerCount", "1099511627776")),
                Arguments.of("count is a fraction", orderWith("passengerCount", "1.5")),
                Arguments.of("unknown car class", orderWith("carClass", "\"TANK\"")),
                Arguments.of("car class in lower case", orderWith("carClass", "\"sedan\"")),
                Arguments.of("purpose is a number", orderWith("purpose", "42")),
                Arguments.of("purpose is an object", orderWith("purpose", "{\"$ne\":null}")),
                Arguments.of("start is not a time", orderWith("plannedStart", "\"tomorrow morning\"")),
                Arguments.of("start has no offset", orderWith("plannedStart", "\"2026-12-01T09:00:00\"")),
                Arguments.of("start is a number", orderWith("plannedStart", "1767225600000")),
                Arguments.of("start in year +999999999", orderWith("plannedStart",
                        "\"+999999999-01-01T00:00:00+08:00\"")),
                Arguments.of("end in year -999999999", orderWith("plannedEnd", "\"-999999999-01-01T00:00:00+08:00\"")),
                Arguments.of("start in year 0000", orderWith("plannedStart", "\"0000-01-01T00:00:00+08:00\"")),
                Arguments.of("start in 2100", orderWith("plannedStart", "\"2100-06-01T09:00:00+08:00\"")),
                Arguments.of("required field null", orderWith("origin", "null")),
                Arguments.of("unknown field", body("{\"idempotencyKey\":\"k-" + UUID.randomUUID() + "\",\"tenantId\":"
                        + "\"bureau-guiyang\",\"purpose\":\"开会\",\"origin\":\"a\",\"destination\":\"b\","
                        + "\"plannedStart\":\"" + START + "\",\"plannedEnd\":\"" + END + "\",\"passengerCount\":1}")),
                Arguments.of("nesting a thousand deep", body("[".repeat(1000) + "]".repeat(1000))));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVariables")
    void isRefusedCleanlyAndRecordsNothing(String description, String body) {
        GraphQlClient clerk = Phones.of(baseUrl(), "yunyan.civil-servant");
        long before = storedRecords();

        GraphQlClient.Response response = clerk.post(body);

        assertThat(response.status()).as(description).isIn(200, 400);
        assertThat(response.firstErrorCode()).as(description + ": " + response.body()).isIn(CLEAN_CODES);
        assertThat(response.firstError().path("message").asText()).isNotBlank();
        assertThat(response.body().toString()).as(description)
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("java.", "at cn.", "graphql.execution", "com.fasterxml");
        assertThat(response.data().path("orderVehicle").isMissingNode()
                || response.data().path("orderVehicle").isNull()).as(description).isTrue();
        assertThat(storedRecords()).as(description).isEqualTo(before);
    }

    /** The control: the same builder with a fitting value places the order, so each refusal above is its field's. */
    @Test
    void theSameRequestWithFittingValuesGoesThrough() {
        GraphQlClient.Response response = Phones.of(baseUrl(), "yunyan.civil-servant")
                .post(orderWith("passengerCount", "2"));

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        assertThat(response.data().at("/orderVehicle/order/passengerCount").asInt()).isEqualTo(2);
        // The approval process routes the order beside the request; wait, so other cases count only their own records.
        String approvalId = "approval-" + response.data().at("/orderVehicle/order/id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Phones.of(baseUrl(), "yunyan.civil-servant")
                .execute(GraphQlClient.operation("Approval"), Map.of("id", approvalId)).data().path("approval").isNull());
    }

    /** After every kind of bad input above: still UP, and still serving a person. */
    @AfterAll
    static void thePlatformIsHealthyAfterwards() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode status = JSON.readTree(health.body());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(Phones.of(baseUrl(), "yunyan.civil-servant").execute(GraphQlClient.operation("Me"))
                .data().at("/me/bureau/id").asText()).isEqualTo("bureau-yunyan");
    }
}
