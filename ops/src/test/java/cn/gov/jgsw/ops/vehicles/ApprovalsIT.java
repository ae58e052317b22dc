package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.approvalOf;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.awaitApproval;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.awaitStatus;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Vehicle orders through the approvals inbox of 贵州 (the province bureau, which no other flow test orders in), under
 * a policy its bureau admin sets: a joint sign-off for off-hours use, reject, return, delegate and withdraw. The
 * policy is put back to one approver after each test.
 */
class ApprovalsIT extends PlatformIT {

    /** Evenings and office hours well beyond other tests' windows; one slot per order. */
    private static final OffsetDateTime FIRST_DAY = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(200)
            .truncatedTo(ChronoUnit.DAYS);
    private static final AtomicInteger DAYS = new AtomicInteger();

    private GraphQlClient clerk;
    private GraphQlClient approver;
    private GraphQlClient admin;
    private GraphQlClient dispatcher;

    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "guizhou.civil-servant");
        approver = Phones.of(baseUrl(), "guizhou.approver");
        admin = Phones.of(baseUrl(), "guizhou.bureau-admin");
        dispatcher = Phones.of(baseUrl(), "guizhou.dispatcher");
    }

    @AfterEach
    void oneApproverAgain() {
        setPolicy(List.of(step("审批", List.of(Map.of("role", "APPROVER")), "ANY", null)));
    }

    private static Map<String, Object> step(String name, List<Map<String, Object>> approvers, String signOff,
                                            String onlyWhen) {
        Map<String, Object> step = new HashMap<>();
        step.put("name", name);
        step.put("approvers", approvers);
        step.put("signOff", signOff);
        step.put("onlyWhen", onlyWhen);
        return step;
    }

    private JsonNode setPolicy(List<Map<String, Object>> steps) {
        GraphQlClient.Response response = admin.execute(GraphQlClient.operation("SetApprovalPolicy"),
                Map.of("input", withKey("subjectType", "VEHICLE_ORDER", "steps", steps)));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data().at("/setApprovalPolicy/policy");
    }

    /** An order from 19:00 to 21:00 (off hours) or 09:00 to 11:00 (office hours) of a working Tuesday. */
    private String order(boolean evening) {
        OffsetDateTime day = FIRST_DAY.plusDays(7L * DAYS.getAndIncrement());
        while (day.getDayOfWeek().getValue() != 2) {
            day = day.plusDays(1);
        }
        OffsetDateTime start = day.withHour(evening ? 19 : 9);
        Map<String, Object> input = VehicleOrderSteps.orderInput(new VehicleOrderSteps.Window(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusHours(2))), 2);
        String orderId = VehicleOrderSteps.succeed(clerk, "OrderVehicle", input).get("id").asText();
        awaitApproval(clerk, orderId);
        return orderId;
    }

    private GraphQlClient.Response decide(GraphQlClient who, String orderId, String decision, String comment) {
        Map<String, Object> input = withKey("approvalId", approvalOf(orderId), "decision", decision);
        input.put("comment", comment);
        return who.execute(GraphQlClient.operation("DecideApproval"), Map.of("input", input));
    }

    private static List<String> inboxOf(GraphQlClient who) {
        return who.execute(GraphQlClient.operation("PendingApprovals"), Map.of("first", 50)).data()
                .at("/pendingApprovals/edges").findValuesAsText("subjectId");
    }

    @Test
    void anOffHoursOrderNeedsAJointSignOffOfBothThenIsDispatchable() {
        JsonNode policy = setPolicy(List.of(
                step("科室审批", List.of(Map.of("role", "APPROVER")), "ANY", null),
                step("会签", List.of(Map.of("personId", "user-guizhou-bureau-admin"),
                        Map.of("personId", "user-guizhou-energy-manager")), "ALL", "OFF_HOURS")));
        assertThat(policy.get("steps").size()).isEqualTo(2);
        GraphQlClient energyManager = Phones.of(baseUrl(), "guizhou.energy-manager");

        String daytime = order(false);
        String evening = order(true);
        assertThat(awaitApproval(clerk, daytime).get("stepCount").asInt()).as("office hours: one step").isEqualTo(1);
        JsonNode routed = awaitApproval(clerk, evening);
        assertThat(routed.get("stepCount").asInt()).as("off hours adds the joint step").isEqualTo(2);
        assertThat(routed.get("policyVersion").asInt()).isEqualTo(policy.get("version").asInt());

        assertThat(decide(approver, evening, "APPROVE", "同意").hasErrors()).isFalse();
        assertThat(inboxOf(admin)).contains(evening);
        assertThat(inboxOf(energyManager)).contains(evening);
        JsonNode halfway = decide(admin, evening, "APPROVE", null).data().at("/decideApproval/approval");
        assertThat(halfway.get("status").asText()).as("joint sign-off waits for both").isEqualTo("PENDING");
        assertThat(inboxOf(admin)).doesNotContain(evening);
        JsonNode done = decide(energyManager, evening, "APPROVE", null).data().at("/decideApproval/approval");
        assertThat(done.get("status").asText()).isEqualTo("APPROVED");

        awaitStatus(clerk, evening, "APPROVED");
        JsonNode dispatched = VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder", withKey("orderId", evening,
                "vehicleId", "vehicle-guizhou-1", "driverId", "user-guizhou-driver"));
        assertThat(dispatched.get("status").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void aRequestKeepsThePolicyVersionItStartedUnder() {
        setPolicy(List.of(step("审批", List.of(Map.of("role", "APPROVER")), "ANY", null),
                step("会签", List.of(Map.of("personId", "user-guizhou-bureau-admin")), "ALL", "OFF_HOURS")));
        String evening = order(true);
        JsonNode before = awaitApproval(clerk, evening);

        setPolicy(List.of(step("审批", List.of(Map.of("role", "APPROVER")), "ANY", null)));

        JsonNode after = awaitApproval(clerk, evening);
        assertThat(after.get("policyVersion")).isEqualTo(before.get("policyVersion"));
        assertThat(after.get("stepCount").asInt()).isEqualTo(2);
    }

    @Test
    void rejectReturnDelegateAndWithdraw() {
        String rejected = order(false);
        assertThat(decide(approver, rejected, "REJECT", " ").firstErrorCode()).isEqualTo("REASON_REQUIRED");
        decide(approver, rejected, "REJECT", "无公务必要");
        assertThat(awaitStatus(clerk, rejected, "REJECTED").get("decisionComment").asText()).isEqualTo("无公务必要");

        String returned = order(false);
        decide(approver, returned, "RETURN", "请写明乘车人");
        assertThat(awaitStatus(clerk, returned, "RETURNED").get("decisionComment").asText()).isEqualTo("请写明乘车人");

        String delegated = order(false);
        GraphQlClient.Response handOver = approver.execute(GraphQlClient.operation("DelegateApproval"), Map.of("input",
                withKey("approvalId", approvalOf(delegated), "delegateId", "user-guizhou-bureau-admin")));
        assertThat(handOver.hasErrors()).as(handOver.body().toString()).isFalse();
        assertThat(inboxOf(approver)).doesNotContain(delegated);
        assertThat(decide(approver, delegated, "APPROVE", null).firstErrorCode()).isEqualTo("NOT_AN_APPROVER");
        assertThat(decide(admin, delegated, "APPROVE", "代为审批").hasErrors()).isFalse();
        awaitStatus(clerk, delegated, "APPROVED");

        String cancelled = order(false);
        VehicleOrderSteps.succeed(clerk, "CancelVehicleOrder", withKey("orderId", cancelled, "reason", "会议取消"));
        awaitApprovalStatus(cancelled, "WITHDRAWN");
        assertThat(inboxOf(approver)).doesNotContain(cancelled);

        String withdrawn = order(false);
        GraphQlClient.Response notTheirs = approver.execute(GraphQlClient.operation("WithdrawApproval"),
                Map.of("input", withKey("approvalId", approvalOf(withdrawn))));
        assertThat(notTheirs.firstErrorCode()).isEqualTo("NOT_THE_REQUESTER");
        GraphQlClient.Response taken = clerk.execute(GraphQlClient.operation("WithdrawApproval"),
                Map.of("input", withKey("approvalId", approvalOf(withdrawn))));
        assertThat(taken.data().at("/withdrawApproval/approval/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(awaitStatus(clerk, withdrawn, "CANCELLED").get("status").asText()).isEqualTo("CANCELLED");
    }

    /** The order as placed by {@link #order}, with the changes asked for, ready to be sent again. */
    private Map<String, Object> changed(String orderId, Object... changes) {
        JsonNode order = awaitStatus(clerk, orderId, "RETURNED");
        Map<String, Object> input = withKey("orderId", orderId, "purpose", order.get("purpose").asText(),
                "origin", order.get("origin").asText(), "destination", order.get("destination").asText(),
                "plannedStart", order.get("plannedStart").asText(), "plannedEnd", order.get("plannedEnd").asText(),
                "passengerCount", order.get("passengerCount").asInt());
        for (int i = 0; i < changes.length; i += 2) {
            input.put((String) changes[i], changes[i + 1]);
        }
        return input;
    }

    @Test
    void aReturnedOrderIsChangedResubmittedToANewApprovalAndApproved() {
        String orderId = order(false);
        decide(approver, orderId, "RETURN", "请写明乘车人数");
        assertThat(approver.execute(GraphQlClient.operation("ResubmitVehicleOrder"), Map.of("input",
                changed(orderId, "passengerCount", 3))).firstErrorCode()).as("only the requester")
                .isEqualTo("NOT_THE_REQUESTER");
        assertThat(clerk.execute(GraphQlClient.operation("ResubmitVehicleOrder"), Map.of("input",
                changed(orderId, "passengerCount", 0))).firstErrorCode()).isEqualTo("INVALID_PASSENGER_COUNT");

        JsonNode resubmitted = VehicleOrderSteps.succeed(clerk, "ResubmitVehicleOrder",
                changed(orderId, "passengerCount", 3, "purpose", "参加全省会议（3人）"));
        assertThat(resubmitted.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(resubmitted.get("passengerCount").asInt()).isEqualTo(3);
        assertThat(resubmitted.get("decisionComment").isNull()).isTrue();
        String secondApproval = resubmitted.get("approvalId").asText();
        assertThat(secondApproval).isEqualTo(approvalOf(orderId) + "-2");

        await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(approver).contains(orderId));
        JsonNode approval = approver.execute(GraphQlClient.operation("Approval"), Map.of("id", secondApproval))
                .data().get("approval");
        assertThat(approval.get("summary").asText()).endsWith("参加全省会议（3人）");
        assertThat(approver.execute(GraphQlClient.operation("Approval"), Map.of("id", approvalOf(orderId))).data()
                .at("/approval/status").asText()).as("the first approval stays as it ended").isEqualTo("RETURNED");
        Map<String, Object> input = withKey("approvalId", secondApproval, "decision", "APPROVE");
        assertThat(approver.execute(GraphQlClient.operation("DecideApproval"), Map.of("input", input)).hasErrors())
                .isFalse();
        assertThat(awaitStatus(clerk, orderId, "APPROVED").get("passengerCount").asInt()).isEqualTo(3);
        assertThat(clerk.execute(GraphQlClient.operation("ResubmitVehicleOrder"), Map.of("input",
                withKey("orderId", orderId, "purpose", "再次提交", "origin", "甲", "destination", "乙",
                        "plannedStart", resubmitted.get("plannedStart").asText(),
                        "plannedEnd", resubmitted.get("plannedEnd").asText(), "passengerCount", 3)))
                .firstErrorCode()).as("only a returned order").isEqualTo("INVALID_ORDER_TRANSITION");
    }

    /** The texts of a resubmitted order refuse what has no place in a record, like those of a new order. */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void aResubmittedOrdersTextThatHasNoPlaceInARecordIsRefused(String sample) {
        String orderId = order(false);
        decide(approver, orderId, "RETURN", "请写明事由");
        for (String field : List.of("purpose", "origin", "destination")) {
            Map<String, Object> input = changed(orderId, field, HostileText.placeholder());
            long before = storedRecords();
            GraphQlClient.Response response = clerk.post(HostileText.body("ResubmitVehicleOrder",
                    Map.of("input", input), sample));
            assertThat(response.firstErrorCode()).as(field + " " + sample).isEqualTo("INVALID_ORDER_TEXT");
            assertThat(storedRecords()).isEqualTo(before);
        }
    }

    private void awaitApprovalStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(
                awaitApproval(clerk, orderId).get("status").asText()));
    }

    @Test
    void onlyBureauAdminsSetPoliciesAndAPersonOfAnotherBureauIsNotFound() {
        assertThat(approver.execute(GraphQlClient.operation("ApprovalPolicy"), Map.of("subjectType", "VEHICLE_ORDER"))
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        GraphQlClient.Response foreign = admin.execute(GraphQlClient.operation("SetApprovalPolicy"), Map.of("input",
                withKey("subjectType", "VEHICLE_ORDER", "steps", List.of(step("审批",
                        List.of(Map.of("personId", "user-zunyi-approver")), "ANY", null)))));
        assertThat(foreign.firstErrorCode()).isEqualTo("NOT_FOUND");
        GraphQlClient.Response onlyConditional = admin.execute(GraphQlClient.operation("SetApprovalPolicy"),
                Map.of("input", withKey("subjectType", "VEHICLE_ORDER", "steps", List.of(step("夜间",
                        List.of(Map.of("role", "APPROVER")), "ANY", "OFF_HOURS")))));
        assertThat(onlyConditional.firstErrorCode()).isEqualTo("INVALID_APPROVAL_POLICY");
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void aStepNameWithTextThatHasNoPlaceInARecordIsRefused(String sample) {
        long before = storedRecords();
        List<Map<String, Object>> steps = List.of(step(HostileText.placeholder(),
                List.of(Map.of("role", "APPROVER")), "ANY", null));
        GraphQlClient.Response response = admin.post(HostileText.body("SetApprovalPolicy",
                Map.of("input", withKey("subjectType", "VEHICLE_ORDER", "steps", steps)), sample));
        assertThat(response.firstErrorCode()).as(sample).isEqualTo("INVALID_APPROVAL_POLICY");
        assertThat(storedRecords()).isEqualTo(before);
    }
}
