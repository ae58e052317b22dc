package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.placeOrder;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free text of decisions and reads (a cancellation's reason, an approver's comment or reason, a supervisor's
 * purpose), sent with text that has no place in a record: refused with its code, nothing recorded, and
 * the order still open to the next step.
 */
class DecisionTextIT extends PlatformIT {

    private GraphQlClient clerk;
    private GraphQlClient approver;

    /** Not in field initialisers: the platform starts after the test instance is made. */
    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "tongzi.civil-servant");
        approver = Phones.of(baseUrl(), "tongzi.approver");
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void decisionsRefuseTextThatHasNoPlaceInARecord(String sample) {
        String orderId = placeOrder(clerk, freshWindow(), 1);
        long before = storedRecords();

        assertRefused(clerk, "CancelVehicleOrder", withText(orderId, "reason"), sample, "INVALID_ORDER_TEXT");
        for (String decision : new String[]{"APPROVE", "REJECT", "RETURN"}) {
            assertRefused(approver, "DecideApproval", withKey("approvalId", VehicleOrderSteps.approvalOf(orderId),
                    "decision", decision, "comment", HostileText.placeholder()), sample, "INVALID_INPUT");
        }

        assertThat(storedRecords()).isEqualTo(before);
        VehicleOrderSteps.decide(approver, orderId, "APPROVE", "同意");
        VehicleOrderSteps.awaitStatus(clerk, orderId, "APPROVED");
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void aSupervisorsPurposeRefusesTextThatHasNoPlaceInARecord(String sample) {
        long before = storedRecords();
        Map<String, Object> variables = new HashMap<>();
        variables.put("bureauId", "bureau-tongzi");
        variables.put("purpose", HostileText.placeholder());

        GraphQlClient.Response response = Phones.of(baseUrl(), "zunyi.supervisor")
                .post(HostileText.body("BureauVehicleOrders", variables, sample));

        assertThat(response.firstErrorCode()).as(sample).isEqualTo("PURPOSE_REQUIRED");
        assertThat(response.body().toString()).doesNotContain("edges");
        assertThat(storedRecords()).isEqualTo(before);
    }

    private static Map<String, Object> withText(String orderId, String field) {
        return withKey("orderId", orderId, field, HostileText.placeholder());
    }

    private static void assertRefused(GraphQlClient phone, String operation, Map<String, Object> input, String sample,
                                      String code) {
        GraphQlClient.Response response = phone.post(HostileText.body(operation, Map.of("input", input), sample));
        assertThat(response.firstErrorCode()).as(operation + " " + sample).isEqualTo(code);
        assertThat(response.body().toString()).doesNotContain("Exception");
    }
}
