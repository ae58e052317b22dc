package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MutationInputs;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mobile operations of the vehicle flow, as the app sends them, with fresh idempotency keys. */
public final class VehicleOrderSteps {

    /** Each order gets its own two-hour slot in the future, so tests never compete for the demo fleet by accident. */
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static final OffsetDateTime FIRST_SLOT = OffsetDateTime.now(ZoneOffset.ofHours(8))
            .plusDays(2).truncatedTo(ChronoUnit.HOURS);

    private VehicleOrderSteps() {
    }

    public record Window(String start, String end) {
    }

    public static Window freshWindow() {
        OffsetDateTime start = FIRST_SLOT.plus(Duration.ofHours(3L * SLOTS.getAndIncrement()));
        return new Window(format(start), format(start.plusHours(2)));
    }

    static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static Map<String, Object> orderInput(Window window, int passengers) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", key());
        input.put("purpose", "参加全省机关事务工作会议");
        input.put("origin", "南明区政府");
        input.put("destination", "贵州省机关事务管理局");
        input.put("plannedStart", window.start());
        input.put("plannedEnd", window.end());
        input.put("passengerCount", passengers);
        input.put("carClass", "SEDAN");
        return input;
    }

    static GraphQlClient.Response send(GraphQlClient phone, String operation, Map<String, Object> input) {
        return phone.execute(GraphQlClient.operation(operation), Map.of("input", input));
    }

    /** Sends and expects success; answers the order of the payload. */
    static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response response = send(phone, operation, input);
        assertThat(response.hasErrors()).as(operation + ": " + response.body()).isFalse();
        return response.data().elements().next().get("order");
    }

    /**
     * Places an order and waits until it is routed to its approvers, so that nothing of the order's own making is
     * still being stored when the test goes on.
     */
    public static String placeOrder(GraphQlClient clerk, Window window, int passengers) {
        String orderId = succeed(clerk, "OrderVehicle", orderInput(window, passengers)).get("id").asText();
        awaitApproval(clerk, orderId);
        return orderId;
    }

    static Map<String, Object> withKey(Object... pairs) {
        return MutationInputs.withKey(pairs);
    }

    static String approvedOrder(GraphQlClient clerk, GraphQlClient approver, Window window, int passengers) {
        String orderId = placeOrder(clerk, window, passengers);
        decide(approver, orderId, "APPROVE", null);
        awaitStatus(clerk, orderId, "APPROVED");
        return orderId;
    }

    /** The approval an order goes through (VehicleOrderApprovalProcess names it after the order). */
    public static String approvalOf(String orderId) {
        return "approval-" + orderId;
    }

    /** Waits until the order's approval is routed (the process runs after the order is placed) and answers it. */
    static JsonNode awaitApproval(GraphQlClient approver, String orderId) {
        JsonNode[] approval = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            approval[0] = approver.execute(GraphQlClient.operation("Approval"), Map.of("id", approvalOf(orderId)))
                    .data().get("approval");
            return approval[0] != null && !approval[0].isNull();
        });
        return approval[0];
    }

    /** The approver decides on the order's approval; answers the approval as the decision left it. */
    static JsonNode decide(GraphQlClient approver, String orderId, String decision, String comment) {
        awaitApproval(approver, orderId);
        Map<String, Object> input = withKey("approvalId", approvalOf(orderId), "decision", decision);
        input.put("comment", comment);
        GraphQlClient.Response response = approver.execute(GraphQlClient.operation("DecideApproval"),
                Map.of("input", input));
        assertThat(response.hasErrors()).as("DecideApproval: " + response.body()).isFalse();
        return response.data().at("/decideApproval/approval");
    }

    /** Waits until the order reaches the status (the approval's outcome reaches the order shortly after). */
    static JsonNode awaitStatus(GraphQlClient viewer, String orderId, String status) {
        JsonNode[] order = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            order[0] = viewer.execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", orderId))
                    .data().get("vehicleOrder");
            return order[0] != null && status.equals(order[0].path("status").asText());
        });
        return order[0];
    }
}
