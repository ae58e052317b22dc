package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.orderInput;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.send;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole vehicle order flow over HTTP with real tokens, as four people of Nanming district: the civil servant
 * orders, the approver approves, the dispatcher dispatches, the driver drives. Each answer is checked, each mutation
 * is retried with its key and must answer the same and record nothing new.
 */
class VehicleOrderFlowIT extends PlatformIT {

    private GraphQlClient clerk;
    private GraphQlClient approver;
    private GraphQlClient dispatcher;
    private GraphQlClient driver;

    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "nanming.civil-servant");
        approver = Phones.of(baseUrl(), "nanming.approver");
        dispatcher = Phones.of(baseUrl(), "nanming.dispatcher");
        driver = Phones.of(baseUrl(), "nanming.driver");
    }

    @Test
    void fromOrderToCompletedTrip() {
        VehicleOrderSteps.Window window = freshWindow();

        // the civil servant orders
        JsonNode ordered = succeedTwice(clerk, "OrderVehicle", orderInput(window, 3));
        String orderId = ordered.get("id").asText();
        assertThat(ordered.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(ordered.at("/requester/id").asText()).isEqualTo("user-nanming-civil-servant");
        assertThat(ordered.get("plannedStart").asText()).isEqualTo(window.start());
        assertThat(ordered.get("passengerCount").asInt()).isEqualTo(3);
        JsonNode mine = clerk.execute(GraphQlClient.operation("MyVehicleOrders"), Map.of("first", 5))
                .data().at("/myVehicleOrders/edges");
        assertThat(mine.get(0).at("/node/id").asText()).as("newest first").isEqualTo(orderId);

        // the approver approves from the inbox; the order follows its approval
        String approvalId = VehicleOrderSteps.approvalOf(orderId);
        VehicleOrderSteps.awaitApproval(approver, orderId);
        JsonNode inbox = approver.execute(GraphQlClient.operation("PendingApprovals"), Map.of("first", 50)).data()
                .at("/pendingApprovals/edges");
        assertThat(inbox.findValuesAsText("id")).contains(approvalId);
        JsonNode decided = succeedTwice(approver, "DecideApproval",
                withKey("approvalId", approvalId, "decision", "APPROVE", "comment", "同意"));
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.at("/vehicleOrder/id").asText()).isEqualTo(orderId);
        assertThat(VehicleOrderSteps.awaitStatus(clerk, orderId, "APPROVED").get("status").asText())
                .isEqualTo("APPROVED");

        // the dispatcher dispatches a free vehicle and driver
        assertThat(idsOf(dispatcher, "ApprovedVehicleOrders", "approvedVehicleOrders")).contains(orderId);
        Map<String, Object> period = Map.of("plannedStart", window.start(), "plannedEnd", window.end(),
                "passengerCount", 3);
        assertThat(ids(dispatcher.execute(GraphQlClient.operation("DispatchableVehicles"), period)
                .data().get("dispatchableVehicles"))).contains("vehicle-nanming-1", "vehicle-nanming-2");
        assertThat(ids(dispatcher.execute(GraphQlClient.operation("AvailableDrivers"),
                Map.of("plannedStart", window.start(), "plannedEnd", window.end())).data().get("availableDrivers")))
                .contains("user-nanming-driver", "user-nanming-driver-2");
        JsonNode dispatched = succeedTwice(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", orderId, "vehicleId", "vehicle-nanming-1", "driverId", "user-nanming-driver"));
        assertThat(dispatched.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.at("/vehicle/plateNumber").asText()).startsWith("贵A·");
        assertThat(dispatched.at("/driver/id").asText()).isEqualTo("user-nanming-driver");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(dispatcher.execute(
                GraphQlClient.operation("DispatchableVehicles"), period).data().get("dispatchableVehicles")))
                .doesNotContain("vehicle-nanming-1"));

        // the driver drives
        assertThat(idsOf(driver, "MyAssignments", "myAssignments")).contains(orderId);
        JsonNode started = succeedTwice(driver, "StartTrip", withKey("orderId", orderId, "odometerKm", 12000));
        assertThat(started.get("status").asText()).isEqualTo("IN_TRIP");
        assertThat(started.at("/trip/startOdometerKm").asInt()).isEqualTo(12000);
        JsonNode ended = succeedTwice(driver, "EndTrip",
                withKey("orderId", orderId, "odometerKm", 12042, "fuelLitres", 5.5, "tollsFen", 1500));
        assertThat(ended.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ended.at("/trip/distanceKm").asInt()).isEqualTo(42);
        assertThat(ended.at("/trip/fuelLitres").asDouble()).isEqualTo(5.5);
        assertThat(ended.at("/trip/tollsFen").asInt()).isEqualTo(1500);
        assertThat(idsOf(driver, "MyAssignments", "myAssignments")).doesNotContain(orderId);

        // the vehicle is free again, and the audit trail names who did each step
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(dispatcher.execute(
                GraphQlClient.operation("DispatchableVehicles"), period).data().get("dispatchableVehicles")))
                .contains("vehicle-nanming-1"));
        assertThat(actorsOf(orderId)).containsExactly(
                "user-nanming-civil-servant", "user-nanming-approver", "user-nanming-dispatcher",
                "user-nanming-driver", "user-nanming-driver", "user-nanming-driver");
        // the suite snapshots every 3 events (PlatformIT): the order's newest snapshot is in its tenant
        assertThat(platformDatabase.getCollection("event_snapshots").find(new Document("_id", orderId)).first())
                .isNotNull().containsEntry("tenantId", "bureau-nanming").containsEntry("aggregateType", "VehicleOrder");
    }

    @Test
    void anApproverRejectsWithAReasonTheRequesterSees() {
        String orderId = VehicleOrderSteps.placeOrder(clerk, freshWindow(), 2);

        String approvalId = VehicleOrderSteps.approvalOf(orderId);
        GraphQlClient.Response noReason = approver.execute(GraphQlClient.operation("DecideApproval"), Map.of("input",
                withKey("approvalId", approvalId, "decision", "REJECT", "comment", " ")));
        JsonNode rejected = succeedTwice(approver, "DecideApproval",
                withKey("approvalId", approvalId, "decision", "REJECT", "comment", "请乘坐公共交通"));

        assertThat(noReason.firstErrorCode()).isEqualTo("REASON_REQUIRED");
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(VehicleOrderSteps.awaitStatus(clerk, orderId, "REJECTED").get("decisionComment").asText())
                .isEqualTo("请乘坐公共交通");
    }

    @Test
    void theRequesterCancelsBeforeDispatchButNotAfter() {
        String cancelled = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 1);
        JsonNode answer = succeedTwice(clerk, "CancelVehicleOrder", withKey("orderId", cancelled, "reason", "会议改期"));
        assertThat(answer.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(answer.get("cancellationReason").asText()).isEqualTo("会议改期");

        String dispatched = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 1);
        VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", dispatched, "vehicleId", "vehicle-nanming-2", "driverId", "user-nanming-driver-2"));
        long before = storedEventsOf(dispatched);
        GraphQlClient.Response late = send(clerk, "CancelVehicleOrder", withKey("orderId", dispatched));
        assertThat(late.firstErrorCode()).isEqualTo("INVALID_ORDER_TRANSITION");
        assertThat(storedEventsOf(dispatched)).isEqualTo(before);
    }

    @Test
    void onlyTheRequesterCancelsAndOnlyApproversDecide() {
        String orderId = VehicleOrderSteps.placeOrder(clerk, freshWindow(), 1);
        long before = storedEventsOf(orderId);

        assertThat(send(approver, "CancelVehicleOrder", withKey("orderId", orderId)).firstErrorCode())
                .isEqualTo("NOT_THE_REQUESTER");
        assertThat(clerk.execute(GraphQlClient.operation("DecideApproval"), Map.of("input", withKey("approvalId",
                VehicleOrderSteps.approvalOf(orderId), "decision", "APPROVE"))).firstErrorCode())
                .as("nobody approves their own order").isEqualTo("NOT_AN_APPROVER");
        assertThat(send(dispatcher, "DispatchVehicleOrder", withKey("orderId", orderId,
                "vehicleId", "vehicle-nanming-3", "driverId", "user-nanming-driver")).firstErrorCode())
                .isEqualTo("INVALID_ORDER_TRANSITION");
        assertThat(send(driver, "StartTrip", withKey("orderId", orderId, "odometerKm", 1)).firstErrorCode())
                .as("a driver cannot see an order not assigned to them").isEqualTo("NOT_FOUND");
        assertThat(storedEventsOf(orderId)).isEqualTo(before);
    }

    @Test
    void aColleagueOrAnotherDriverFindsNothingToCancelOrDrive() {
        String orderId = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 1);
        VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", orderId, "vehicleId", "vehicle-nanming-3", "driverId", "user-nanming-driver"));
        GraphQlClient colleague = Phones.of(baseUrl(), "nanming.energy-manager");
        GraphQlClient otherDriver = Phones.of(baseUrl(), "nanming.driver-2");
        String missing = java.util.UUID.randomUUID().toString();
        long before = storedRecords();

        GraphQlClient.Response cancel = send(colleague, "CancelVehicleOrder", withKey("orderId", orderId));
        GraphQlClient.Response start = send(otherDriver, "StartTrip", withKey("orderId", orderId, "odometerKm", 1));

        assertThat(cancel.body()).isEqualTo(send(colleague, "CancelVehicleOrder", withKey("orderId", missing)).body());
        assertThat(cancel.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(start.body()).isEqualTo(send(otherDriver, "StartTrip",
                withKey("orderId", missing, "odometerKm", 1)).body());
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void aDriverWhoChangedTheirSettingsIsDispatchedAndDrives() {
        GraphQlClient secondDriver = Phones.of(baseUrl(), "nanming.driver-2");
        GraphQlClient.Response settings = secondDriver.execute(GraphQlClient.operation("ChangeDisplayLanguage"),
                Map.of("input", Map.of("idempotencyKey", VehicleOrderSteps.key(), "displayLanguage", "EN")));
        assertThat(settings.hasErrors()).as(settings.body().toString()).isFalse();
        String orderId = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 1);

        VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", orderId, "vehicleId", "vehicle-nanming-3", "driverId", "user-nanming-driver-2"));
        JsonNode started = VehicleOrderSteps.succeed(secondDriver, "StartTrip",
                withKey("orderId", orderId, "odometerKm", 500));

        assertThat(started.get("status").asText()).isEqualTo("IN_TRIP");
        assertThat(secondDriver.execute(GraphQlClient.operation("Me")).data().at("/me/settings/displayLanguage")
                .asText()).isEqualTo("EN");
    }

    /** Sends the mutation, then the very same request again: same answer, nothing recorded by the retry. */
    /**
     * Sends the mutation, then again with the same key: the same answer, and nothing more recorded for its object (the
     * order, or the approval). Counted per object: the approval process works beside the test.
     */
    private JsonNode succeedTwice(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response first = send(phone, operation, input);
        assertThat(first.hasErrors()).as(operation + ": " + first.body()).isFalse();
        JsonNode payload = first.data().elements().next();
        JsonNode answered = payload.has("order") ? payload.get("order") : payload.get("approval");
        long events = storedEventsOf(answered.get("id").asText());
        GraphQlClient.Response retry = send(phone, operation, input);
        assertThat(withoutSubject(retry.body())).as(operation + " retried").isEqualTo(withoutSubject(first.body()));
        assertThat(storedEventsOf(answered.get("id").asText())).as(operation + " retried records nothing")
                .isEqualTo(events);
        return answered;
    }

    /**
     * An approval's answer without its subject: the retry gets the kept approval, while the order it is about has moved
     * on meanwhile (the approval process approved it).
     */
    private static JsonNode withoutSubject(JsonNode body) {
        JsonNode copy = body.deepCopy();
        JsonNode approval = copy.at("/data/decideApproval/approval");
        if (approval instanceof com.fasterxml.jackson.databind.node.ObjectNode node) {
            node.remove("vehicleOrder");
        }
        return copy;
    }

    private static List<String> idsOf(GraphQlClient phone, String operation, String field) {
        List<String> ids = new ArrayList<>();
        phone.execute(GraphQlClient.operation(operation), Map.of("first", 50)).data().get(field).get("edges")
                .forEach(edge -> ids.add(edge.at("/node/id").asText()));
        return ids;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private List<String> actorsOf(String orderId) {
        List<String> actors = new ArrayList<>();
        platformDatabase.getCollection("event_log").find(new Document("aggregateIdentifier", orderId))
                .sort(new Document("sequenceNumber", 1))
                .forEach(event -> {
                    Document parsed = event.get("metaData", Document.class);
                    assertThat(event.getString("tenantId")).isEqualTo("bureau-nanming");
                    assertThat(parsed.getString("tenantId")).isEqualTo("bureau-nanming");
                    actors.add(parsed.getString("userId"));
                });
        return actors;
    }
}
