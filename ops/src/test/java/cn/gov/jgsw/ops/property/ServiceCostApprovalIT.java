package cn.gov.jgsw.ops.property;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A quoted service cost goes through the approvals inbox under the bureau's property-service policy; a cost over the
 * policy's cap adds a step (Tongzi's demo policy: any one approver, and the bureau admin over 5,000 yuan). The
 * outcome comes back to the request, and work starts only once the approval has ended.
 */
class ServiceCostApprovalIT extends PlatformIT {

    private GraphQlClient clerk;
    private GraphQlClient staff;
    private GraphQlClient approver;
    private GraphQlClient admin;

    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "tongzi.civil-servant");
        staff = Phones.of(baseUrl(), "tongzi.property-staff");
        approver = Phones.of(baseUrl(), "tongzi.approver");
        admin = Phones.of(baseUrl(), "tongzi.bureau-admin");
    }

    private static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response response = phone.execute(GraphQlClient.operation(operation), Map.of("input", input));
        assertThat(response.hasErrors()).as(operation + ": " + response.body()).isFalse();
        return response.data().elements().next();
    }

    /** A repair accepted by the staff member, ready to be quoted. */
    private String acceptedRequest() {
        String id = succeed(clerk, "RequestPropertyService", withKey("category", "REPAIR", "building", "2号楼",
                "room", "402", "description", "空调压缩机损坏", "urgency", "NORMAL")).at("/request/id").asText();
        succeed(staff, "AcceptServiceRequest", withKey("requestId", id));
        return id;
    }

    private static JsonNode awaitWaiting(GraphQlClient who, String approvalId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode edge : who.execute(GraphQlClient.operation("PendingApprovals"), Map.of("first", 50))
                    .data().at("/pendingApprovals/edges")) {
                if (edge.at("/node/id").asText().equals(approvalId)) {
                    found[0] = edge.get("node");
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode awaitRequest(String requestId, String status) {
        JsonNode[] request = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            request[0] = staff.execute(GraphQlClient.operation("ServiceRequest"), Map.of("id", requestId)).data()
                    .get("serviceRequest");
            return status.equals(request[0].path("status").asText());
        });
        return request[0];
    }

    private static void decide(GraphQlClient who, String approvalId, String decision, String comment) {
        Map<String, Object> input = withKey("approvalId", approvalId, "decision", decision);
        input.put("comment", comment);
        succeed(who, "DecideApproval", input);
    }

    @Test
    void aCostOverTheCapNeedsTheBureauAdminTooAndWorkStartsOnceApproved() {
        String id = acceptedRequest();
        JsonNode quoted = succeed(staff, "QuoteServiceCost", withKey("requestId", id, "costFen", 620_050,
                "note", "更换空调压缩机")).get("request");
        assertThat(quoted.get("status").asText()).isEqualTo("AWAITING_COST_APPROVAL");
        String approvalId = quoted.at("/costQuotes/0/approvalId").asText();
        assertThat(quoted.at("/costQuotes/0/outcome").isNull()).isTrue();
        assertThat(staff.execute(GraphQlClient.operation("StartServiceWork"), Map.of("input",
                withKey("requestId", id))).firstErrorCode()).as("work waits for the approval")
                .isEqualTo("INVALID_SERVICE_TRANSITION");

        JsonNode first = awaitWaiting(approver, approvalId);
        assertThat(first.get("subjectType").asText()).isEqualTo("PROPERTY_SERVICE");
        assertThat(first.get("stepCount").asInt()).as("over 5,000 yuan").isEqualTo(2);
        assertThat(first.get("summary").asText()).isEqualTo("物业费用 ¥6200.50 2号楼 402：更换空调压缩机");
        assertThat(first.at("/requester/id").asText()).isEqualTo("user-tongzi-property-staff");
        assertThat(first.at("/serviceRequest/id").asText()).isEqualTo(id);
        assertThat(first.at("/serviceRequest/costQuotes/0/costFen").asLong()).isEqualTo(620_050);
        decide(approver, approvalId, "APPROVE", null);

        JsonNode second = awaitWaiting(admin, approvalId);
        assertThat(second.get("currentStepName").asText()).isEqualTo("单位负责人审批");
        decide(admin, approvalId, "APPROVE", "同意更换");

        JsonNode settled = awaitRequest(id, "ACCEPTED");
        assertThat(settled.at("/costQuotes/0/outcome").asText()).isEqualTo("APPROVED");
        assertThat(settled.get("approvedCostFen").asLong()).isEqualTo(620_050);
        assertThat(succeed(staff, "StartServiceWork", withKey("requestId", id)).at("/request/status").asText())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void aCostUnderTheCapTakesOneStepAndARejectionLeavesTheWorkWithoutIt() {
        String id = acceptedRequest();
        String approvalId = succeed(staff, "QuoteServiceCost", withKey("requestId", id, "costFen", 80_000,
                "note", "更换电容")).at("/request/costQuotes/0/approvalId").asText();
        assertThat(awaitWaiting(approver, approvalId).get("stepCount").asInt()).isEqualTo(1);
        decide(approver, approvalId, "REJECT", "物业合同已含此项");

        JsonNode settled = awaitRequest(id, "ACCEPTED");
        assertThat(settled.at("/costQuotes/0/outcome").asText()).isEqualTo("REJECTED");
        assertThat(settled.at("/costQuotes/0/decisionComment").asText()).isEqualTo("物业合同已含此项");
        assertThat(settled.get("approvedCostFen").asLong()).isZero();
        JsonNode again = succeed(staff, "QuoteServiceCost", withKey("requestId", id, "costFen", 30_000,
                "note", "仅材料费")).get("request");
        assertThat(again.at("/costQuotes/1/number").asInt()).as("a second quote, its own approval").isEqualTo(2);
        assertThat(again.at("/costQuotes/1/approvalId").asText()).isNotEqualTo(approvalId);
    }

    @Test
    void theQuotingStaffMemberWithdrawsAndNobodyElseQuotes() {
        String id = acceptedRequest();
        assertThat(clerk.execute(GraphQlClient.operation("QuoteServiceCost"), Map.of("input", withKey("requestId",
                id, "costFen", 10_000, "note", "材料"))).firstErrorCode()).isEqualTo("FORBIDDEN");
        for (long cost : List.of(0L, -1L, 100_000_001L)) {
            long before = storedRecords();
            assertThat(staff.execute(GraphQlClient.operation("QuoteServiceCost"), Map.of("input", withKey(
                    "requestId", id, "costFen", cost, "note", "材料"))).firstErrorCode()).as("cost " + cost)
                    .isEqualTo("INVALID_COST_QUOTE");
            assertThat(storedRecords()).isEqualTo(before);
        }
        String approvalId = succeed(staff, "QuoteServiceCost", withKey("requestId", id, "costFen", 10_000,
                "note", "材料")).at("/request/costQuotes/0/approvalId").asText();
        awaitWaiting(approver, approvalId);
        succeed(staff, "WithdrawApproval", withKey("approvalId", approvalId));
        assertThat(awaitRequest(id, "ACCEPTED").at("/costQuotes/0/outcome").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theDemoPolicyShowsItsCapAndACapNeedsTheCostCondition() {
        JsonNode policy = admin.execute(GraphQlClient.operation("ApprovalPolicy"),
                Map.of("subjectType", "PROPERTY_SERVICE")).data().get("approvalPolicy");
        assertThat(policy.at("/steps/1/onlyWhen").asText()).isEqualTo("COST_OVER");
        assertThat(policy.at("/steps/1/costOverYuan").asInt()).isEqualTo(5000);
        assertThat(policy.at("/steps/0/costOverYuan").isNull()).isTrue();

        long before = storedRecords();
        for (Map<String, Object> step : List.of(
                step("COST_OVER", null), step("OFF_HOURS", 5000), step("COST_OVER", -1))) {
            GraphQlClient.Response refused = admin.execute(GraphQlClient.operation("SetApprovalPolicy"),
                    Map.of("input", withKey("subjectType", "PROPERTY_SERVICE", "steps",
                            List.of(step(null, null), step))));
            assertThat(refused.firstErrorCode()).as(step.toString()).isEqualTo("INVALID_APPROVAL_POLICY");
        }
        assertThat(storedRecords()).isEqualTo(before);
    }

    private static Map<String, Object> step(String onlyWhen, Integer costOverYuan) {
        Map<String, Object> step = new HashMap<>();
        step.put("name", "费用审批");
        step.put("approvers", List.of(Map.of("role", "APPROVER")));
        step.put("signOff", "ANY");
        step.put("onlyWhen", onlyWhen);
        step.put("costOverYuan", costOverYuan);
        return step;
    }

    /** The note of a quote refuses text that has no place in a record, and records nothing. */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void aNoteWithTextThatHasNoPlaceInARecordIsRefused(String sample) {
        String id = acceptedRequest();
        long before = storedRecords();
        GraphQlClient.Response response = staff.post(HostileText.body("QuoteServiceCost", Map.of("input",
                withKey("requestId", id, "costFen", 10_000, "note", HostileText.placeholder())), sample));
        assertThat(response.firstErrorCode()).as(sample).isEqualTo("INVALID_COST_QUOTE");
        assertThat(storedRecords()).isEqualTo(before);
    }
}
