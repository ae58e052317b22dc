package cn.gov.jgsw.ops.contract;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.PersistedOnlyPlatform;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.contract.PersistedContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three jobs of the phone, as sequences of persisted operations against a platform that runs nothing else
 * ({@link PersistedOnlyPlatform}): order a car, request a property service, approve. Each step asserts what the person
 * should see, and every request and answer is written, as sent and received, to
 * {@code target/mobile-walkthrough.md}, from which {@code docs/mobile-walkthrough.md} is copied.
 */
class MobileWalkthroughIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path OUTPUT = Path.of("target/mobile-walkthrough.md");
    private static final StringBuilder WALKTHROUGH = new StringBuilder("""
            # Mobile walkthrough: the three jobs of the phone as operations

            Captured from the running platform by `MobileWalkthroughIT`, with only the mobile contract's persisted
            operations accepted (as outside the demo profile), on the demo bureaus. Ids, keys, instants and cursors
            differ from run to run. To capture anew, run `./mvnw -pl ops -am verify -Dtest=none
            -Dit.test=MobileWalkthroughIT -Dsurefire.failIfNoSpecifiedTests=false
            -Dfailsafe.failIfNoSpecifiedTests=false` and copy `ops/target/mobile-walkthrough.md` here.

            Every request is `POST /graphql` naming a persisted operation by id (conventions in
            [`mobile-contract/README.md`](../mobile-contract/README.md)).

            """);

    private static PlatformProcess platform;

    @BeforeAll
    static void start() {
        platform = PersistedOnlyPlatform.shared();
    }

    @AfterAll
    static void writeTheWalkthrough() throws IOException {
        Files.writeString(OUTPUT, WALKTHROUGH, StandardCharsets.UTF_8);
    }

    /** Sends one persisted operation as the login's phone and writes the exchange down; answers the data. */
    private static JsonNode step(String login, String explanation, String operationName, Map<String, Object> variables)
            throws IOException {
        PersistedContract.Operation operation = PersistedContract.named(operationName).orElseThrow();
        GraphQlClient phone = Phones.of(platform.baseUrl(), login);
        GraphQlClient.Response response = phone.execute(operation.body(), variables);
        WALKTHROUGH.append("**").append(login).append("**: ").append(explanation).append("\n\n")
                .append("```http\nPOST /graphql\nAuthorization: Bearer <").append(login).append("'s access token>\n")
                .append("Content-Type: application/json\n\n")
                .append(JSON.writeValueAsString(GraphQlClient.persistedRequest(operation, variables)))
                .append("\n```\n\n").append("```json\n").append(response.status() == 200 ? "" : "HTTP "
                        + response.status() + "\n").append(JSON.writeValueAsString(response.body()))
                .append("\n```\n\n");
        return response.body();
    }

    private static void heading(String text) {
        WALKTHROUGH.append("## ").append(text).append("\n\n");
    }

    private static void note(String text) {
        WALKTHROUGH.append(text).append("\n\n");
    }

    private static String at(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    @Test
    void orderACarRequestAServiceAndApprove() throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withHour(9)
                .truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime end = start.plusHours(3);

        heading("1. Order a car (公务用车)");
        note("The clerk has signed in (authorization code with PKCE; see the contract's README) and opens the app.");
        JsonNode me = step("nanming.civil-servant", "who am I, in which bureau", "Me", Map.of());
        assertThat(me.at("/data/me/roles").toString()).contains("CIVIL_SERVANT");

        Map<String, Object> order = Map.of("input", withKey("purpose", "赴省局参加机关事务工作会议",
                "origin", "南明区政府", "destination", "贵州省机关事务管理局", "plannedStart", at(start),
                "plannedEnd", at(end), "passengerCount", 2, "carClass", "SEDAN"));
        JsonNode ordered = step("nanming.civil-servant", "orders a car; the key is made once for this tap",
                "OrderVehicle", order);
        String orderId = ordered.at("/data/orderVehicle/order/id").asText();
        assertThat(ordered.at("/data/orderVehicle/order/status").asText()).isEqualTo("AWAITING_APPROVAL");
        note("The network drops the answer; the app sends the same request again, with the same key. The platform "
                + "answers the first outcome and places nothing twice:");
        JsonNode again = step("nanming.civil-servant", "the same request again", "OrderVehicle", order);
        assertThat(again.at("/data/orderVehicle/order/id").asText()).isEqualTo(orderId);

        heading("2. Approve (审批)");
        note("The approver's phone holds the subscription (over `/graphql-ws`, `subscribe` with the id of "
                + "`MyUpdates`); it hears `APPROVAL_WAITING` and reads the inbox.");
        String approvalId = "approval-" + orderId;
        JsonNode inbox = awaitInInbox(approvalId);
        assertThat(inbox.toString()).contains(approvalId);
        JsonNode approval = step("nanming.approver", "opens the request", "Approval", Map.of("id", approvalId));
        assertThat(approval.at("/data/approval/status").asText()).isEqualTo("PENDING");
        JsonNode decided = step("nanming.approver", "approves", "DecideApproval", Map.of("input", withKey(
                "approvalId", approvalId, "decision", "APPROVE", "comment", "同意")));
        assertThat(decided.at("/data/decideApproval/approval/status").asText()).isEqualTo("APPROVED");
        JsonNode twice = step("nanming.approver", "taps approve once more, with a new key: refused, nothing changes",
                "DecideApproval", Map.of("input", withKey("approvalId", approvalId, "decision", "REJECT",
                        "comment", "重复操作")));
        assertThat(twice.at("/errors/0/extensions/code").asText()).isEqualTo("APPROVAL_CLOSED");

        heading("3. Dispatch and the trip (派车与出车)");
        JsonNode vehicles = step("nanming.dispatcher", "which cars are free for the window",
                "DispatchableVehicles", Map.of("plannedStart", at(start), "plannedEnd", at(end),
                        "passengerCount", 2));
        JsonNode drivers = step("nanming.dispatcher", "which drivers are free", "AvailableDrivers",
                Map.of("plannedStart", at(start), "plannedEnd", at(end)));
        awaitApproved(orderId);
        JsonNode dispatched = step("nanming.dispatcher", "dispatches a car and a driver", "DispatchVehicleOrder",
                Map.of("input", withKey("orderId", orderId, "vehicleId",
                        vehicles.at("/data/dispatchableVehicles/0/id").asText(), "driverId",
                        drivers.at("/data/availableDrivers/0/id").asText())));
        assertThat(dispatched.at("/data/dispatchVehicleOrder/order/status").asText()).isEqualTo("DISPATCHED");
        String driver = drivers.at("/data/availableDrivers/0/id").asText().equals("user-nanming-driver")
                ? "nanming.driver" : "nanming.driver-2";
        step(driver, "sees the assignment", "MyAssignments", Map.of("first", 5));
        step(driver, "starts the trip at the odometer's reading", "StartTrip", Map.of("input", withKey(
                "orderId", orderId, "odometerKm", 12_000)));
        JsonNode ended = step(driver, "ends it", "EndTrip", Map.of("input", withKey("orderId", orderId,
                "odometerKm", 12_036, "fuelLitres", 4.2, "tollsFen", 1500)));
        assertThat(ended.at("/data/endTrip/order/status").asText()).isEqualTo("COMPLETED");
        step("nanming.civil-servant", "sees the order's dispatch slip", "VehicleOrder", Map.of("id", orderId));

        heading("4. Request a property service (物业服务)");
        JsonNode requested = step("tongzi.civil-servant", "reports a broken air conditioner", "RequestPropertyService",
                Map.of("input", withKey("category", "REPAIR", "building", "1号楼", "room", "301",
                        "description", "空调不制冷", "urgency", "NORMAL")));
        String requestId = requested.at("/data/requestPropertyService/request/id").asText();
        step("tongzi.property-staff", "sees the work queue", "ServiceWorkQueue", Map.of("first", 5));
        step("tongzi.property-staff", "takes the request", "AcceptServiceRequest",
                Map.of("input", withKey("requestId", requestId)));
        step("tongzi.property-staff", "starts the work", "StartServiceWork", Map.of("input", withKey(
                "requestId", requestId)));
        step("tongzi.property-staff", "finishes it", "FinishServiceWork", Map.of("input", withKey(
                "requestId", requestId, "note", "更换压缩机电容")));
        JsonNode confirmed = step("tongzi.civil-servant", "confirms and rates", "ConfirmServiceRequest",
                Map.of("input", withKey("requestId", requestId, "rating", 5, "comment", "修得很快")));
        assertThat(confirmed.at("/data/confirmServiceRequest/request/status").asText()).isEqualTo("CONFIRMED");
        step("tongzi.civil-servant", "their requests", "MyServiceRequests", Map.of("first", 5));

        heading("5. What a document of the app's own gets");
        note("```http\nPOST /graphql\nAuthorization: Bearer <nanming.civil-servant's access token>\nContent-Type: application/json\n\n{\"query\": \"query Mine { me { roles } }\"}\n```");
        GraphQlClient.Response refused = Phones.of(platform.baseUrl(), "nanming.civil-servant")
                .execute("query Mine { me { roles } }");
        assertThat(refused.firstErrorCode()).isEqualTo("PERSISTED_OPERATION_REQUIRED");
        WALKTHROUGH.append("```json\n").append("HTTP ").append(refused.status()).append('\n')
                .append(JSON.writeValueAsString(refused.body())).append("\n```\n");
    }

    private static JsonNode awaitInInbox(String approvalId) throws Exception {
        GraphQlClient approver = Phones.of(platform.baseUrl(), "nanming.approver");
        String pending = PersistedContract.named("PendingApprovals").orElseThrow().body();
        await().atMost(Duration.ofSeconds(10)).until(() -> approver.execute(pending,
                Map.of("first", 5)).body().toString().contains(approvalId));
        return step("nanming.approver", "the inbox", "PendingApprovals", Map.of("first", 5));
    }

    private static void awaitApproved(String orderId) {
        GraphQlClient clerk = Phones.of(platform.baseUrl(), "nanming.civil-servant");
        String order = PersistedContract.named("VehicleOrder").orElseThrow().body();
        await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(
                clerk.execute(order, Map.of("id", orderId)).data().at("/vehicleOrder/status").asText()));
    }
}
