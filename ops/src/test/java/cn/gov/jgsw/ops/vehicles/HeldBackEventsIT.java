package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.domain.vehicles.api.ResubmitVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.ops.ledger.LedgerRecorder;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.projections.vehicles.VehicleOrderProjection;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.awaitStatus;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.decide;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.placeOrder;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.send;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a read model cannot apply is held back with the object's later events, never passed: the orders view
 * fails on an order resubmitted for the year 999,999,999 (as an earlier version let through; the edge refuses such
 * years now, so the test sends the command behind the edge). The operator sees the letter, the mutation on that order
 * answers an internal error at once, every other order goes on, and after an eviction with a reason a retry applies
 * the rest. Every letter is evicted afterwards, since the platform is shared with the other tests.
 */
class HeldBackEventsIT extends PlatformIT {

    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("ops:ops-demo-2026".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FAR = OffsetDateTime.parse("+999999999-01-01T00:00:00+08:00").toInstant();

    @Autowired
    private CommandMutations commandMutations;
    @Autowired
    private EventProcessingConfiguration eventProcessing;

    private GraphQlClient clerk;
    private GraphQlClient approver;

    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "guizhou.civil-servant");
        approver = Phones.of(baseUrl(), "guizhou.approver");
    }

    @AfterEach
    void evictWhatIsLeft() throws Exception {
        JsonNode processors = operator("GET", "/actuator/deadletters", null).get("processors");
        for (String processor : fieldNames(processors)) {
            for (JsonNode letter : processors.get(processor).get("first")) {
                operator("POST", "/actuator/deadletters", Map.of("processor", processor, "action", "evict",
                        "eventId", letter.get("eventId").asText(), "reason", "测试结束，清理"));
            }
        }
        assertThat(health().at("/components/deadLetters/status").asText()).isEqualTo("UP");
    }

    @Test
    void anEventTheOrdersViewCannotApplyIsHeldBackWithItsOrderAndTheRestGoesOn() throws Exception {
        String held = returnedOrder();
        resubmitBehindTheEdge(held);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                "DOWN".equals(health().at("/components/deadLetters/status").asText()));
        JsonNode orders = health().at("/components/deadLetters/details/" + VehicleOrderProjection.PROCESSING_GROUP);
        assertThat(orders.get("letters").asLong()).isEqualTo(1);
        assertThat(orders.get("objects").asLong()).isEqualTo(1);
        assertThat(orders.get("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        JsonNode letter = lettersOf(VehicleOrderProjection.PROCESSING_GROUP).get(0);
        assertThat(letter.get("objectId").asText()).isEqualTo(held);
        assertThat(letter.get("eventType").asText()).isEqualTo("VehicleOrderResubmittedEvent");
        assertThat(letter.get("cause").asText()).contains("ArithmeticException");

        String other = placeOrder(clerk, freshWindow(), 2);
        assertThat(awaitStatus(clerk, other, "AWAITING_APPROVAL").get("id").asText()).isEqualTo(other);

        GraphQlClient.Response cancelled = send(clerk, "CancelVehicleOrder", withKey("orderId", held,
                "reason", "会议改期"));
        assertThat(cancelled.firstErrorCode()).as(cancelled.body().toString()).isEqualTo("INTERNAL_ERROR");
        assertThat(cancelled.firstError().at("/extensions/errorId").asText()).isNotBlank();
        assertThat(lettersOf(VehicleOrderProjection.PROCESSING_GROUP)).extracting(found -> found.get("eventType")
                .asText()).containsExactly("VehicleOrderResubmittedEvent", "VehicleOrderCancelledEvent");

        String poison = letter.get("eventId").asText();
        JsonNode unreasoned = operator("POST", "/actuator/deadletters", Map.of("processor",
                VehicleOrderProjection.PROCESSING_GROUP, "action", "evict", "eventId", poison, "reason", " "));
        assertThat(unreasoned.get("error").asText()).contains("reason");
        operator("POST", "/actuator/deadletters", Map.of("processor", VehicleOrderProjection.PROCESSING_GROUP,
                "action", "evict", "eventId", poison, "reason", "年份超出范围，无法显示；以事件记录为准"));
        JsonNode retried = operator("POST", "/actuator/deadletters", Map.of("processor",
                VehicleOrderProjection.PROCESSING_GROUP, "action", "retry"));
        assertThat(retried.get("objectsAppliedWhole").asInt()).isEqualTo(1);
        assertThat(retried.get("stillHeld").asLong()).isZero();

        assertThat(awaitStatus(clerk, held, "CANCELLED").get("id").asText()).isEqualTo(held);
        JsonNode eviction = operator("GET", "/actuator/deadletters", null).get("evictions").get(0);
        assertThat(eviction.get("eventId").asText()).isEqualTo(poison);
        assertThat(eviction.get("operator").asText()).isEqualTo("ops");
        assertThat(eviction.get("reason").asText()).isEqualTo("年份超出范围，无法显示；以事件记录为准");
        assertThat(storedEventsOf(held)).as("ordered, returned, resubmitted, cancelled: all in the log")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyReadModelHoldsBackWhatItCannotApplyButTheLedgerStopsInstead() {
        List<String> withQueues = new ArrayList<>();
        eventProcessing.eventProcessors().keySet().forEach(processor -> {
            if (eventProcessing.deadLetterQueue(processor).isPresent()) {
                withQueues.add(processor);
            }
        });
        assertThat(eventProcessing.deadLetterQueue(LedgerRecorder.PROCESSING_GROUP)).isEmpty();
        assertThat(withQueues).contains(VehicleOrderProjection.PROCESSING_GROUP, "approvals", "fleet",
                "service-requests", "work-calendars", "personal-settings");
        assertThat(withQueues).doesNotContain(LedgerRecorder.PROCESSING_GROUP);
    }

    private String returnedOrder() {
        String orderId = placeOrder(clerk, freshWindow(), 2);
        decide(approver, orderId, "RETURN", "请核对时间");
        awaitStatus(clerk, orderId, "RETURNED");
        return orderId;
    }

    private void resubmitBehindTheEdge(String orderId) {
        Document order = platformDatabase.getCollection("vehicle_orders").find(Filters.eq("_id", orderId)).first();
        Caller requester = new Caller(order.getString("requesterId"), order.getString("tenantId"),
                order.getString("unitId"), Set.of(Role.CIVIL_SERVANT), "held-back-events-it");
        commandMutations.send(requester, UUID.randomUUID().toString(), null, new ResubmitVehicleOrderCommand(
                orderId, order.getString("tenantId"), order.getString("requesterId"), "参加会议", "甲", "乙",
                new TimeWindow(FAR, FAR.plus(Duration.ofDays(1))), 2, null, Instant.now()));
    }

    private List<JsonNode> lettersOf(String processor) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        operator("GET", "/actuator/deadletters", null).at("/processors/" + processor + "/first").forEach(letters::add);
        return letters;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode health() throws IOException, InterruptedException {
        return operator("GET", "/actuator/health", null);
    }

    private static JsonNode operator(String method, String path, Map<String, String> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", OPERATOR).header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
