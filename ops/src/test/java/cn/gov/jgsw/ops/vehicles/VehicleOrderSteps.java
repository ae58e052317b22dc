package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
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

/** The mobile operations of the vehicle flow, as the app sends them, with fresh idempotency keys. */
final class VehicleOrderSteps {

    /** Each order gets its own two-hour slot in the future, so tests never compete for the demo fleet by accident. */
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static final OffsetDateTime FIRST_SLOT = OffsetDateTime.now(ZoneOffset.ofHours(8))
            .plusDays(2).truncatedTo(ChronoUnit.HOURS);

    private VehicleOrderSteps() {
    }

    record Window(String start, String end) {
    }

    static Window freshWindow() {
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

    static String placeOrder(GraphQlClient clerk, Window window, int passengers) {
        return succeed(clerk, "OrderVehicle", orderInput(window, passengers)).get("id").asText();
    }

    static Map<String, Object> withKey(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", key());
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    static String approvedOrder(GraphQlClient clerk, GraphQlClient approver, Window window, int passengers) {
        String orderId = placeOrder(clerk, window, passengers);
        succeed(approver, "ApproveVehicleOrder", withKey("orderId", orderId));
        return orderId;
    }
}
