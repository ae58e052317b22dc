package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.placeOrder;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.send;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervisors (督查) read the orders of their own bureau and of every bureau below it, read-only, stating a purpose that
 * is recorded. Upward and sideways answer exactly like a bureau that does not exist. Hierarchy: 贵州 → 贵阳 → 南明 /
 * 云岩; 贵州 → 遵义 → 桐梓.
 */
class SupervisorScopeIT extends PlatformIT {

    private static final String PURPOSE = "2026 年第四季度公务用车专项检查";

    private static String nanmingOrder;

    /** Once, when the platform is up (it starts with the first test instance, after any static set-up). */
    @BeforeEach
    void aNanmingClerkOrders() {
        if (nanmingOrder == null) {
            nanmingOrder = placeOrder(Phones.of(baseUrl(), "nanming.civil-servant"), freshWindow(), 2);
        }
    }

    @Test
    void aSupervisorReadsTheirBureauAndEveryBureauBelow() {
        assertThat(orderIds("guiyang.supervisor", "bureau-nanming")).contains(nanmingOrder);
        assertThat(orderIds("guizhou.supervisor", "bureau-nanming")).contains(nanmingOrder);
        assertThat(orderIds("nanming.supervisor", "bureau-nanming")).contains(nanmingOrder);
        assertThat(read("guiyang.supervisor", "bureau-guiyang").hasErrors()).isFalse();
        assertThat(read("guiyang.supervisor", "bureau-yunyan").hasErrors()).isFalse();
        assertThat(read("zunyi.supervisor", "bureau-tongzi").hasErrors()).isFalse();
    }

    @Test
    void upwardAndSidewaysAnswerExactlyLikeABureauThatDoesNotExist() {
        GraphQlClient.Response missing = read("nanming.supervisor", "bureau-nowhere");
        assertThat(missing.firstErrorCode()).isEqualTo("NOT_FOUND");

        for (String[] attempt : new String[][]{{"nanming.supervisor", "bureau-guiyang"},
                {"nanming.supervisor", "bureau-guizhou"}, {"nanming.supervisor", "bureau-yunyan"},
                {"nanming.supervisor", "bureau-tongzi"}, {"tongzi.supervisor", "bureau-nanming"},
                {"zunyi.supervisor", "bureau-nanming"}, {"guiyang.supervisor", "bureau-zunyi"}}) {
            GraphQlClient.Response refused = read(attempt[0], attempt[1]);
            assertThat(refused.body()).as("%s reading %s", attempt[0], attempt[1]).isEqualTo(missing.body());
        }
    }

    @Test
    void onlySupervisorsUseItAndItGivesNoRightToAct() {
        assertThat(read("guiyang.approver", "bureau-nanming").firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(read("nanming.bureau-admin", "bureau-nanming").firstErrorCode()).isEqualTo("FORBIDDEN");

        Map<String, Object> approve = Map.of("input", withKey("approvalId", VehicleOrderSteps.approvalOf(nanmingOrder),
                "decision", "APPROVE", "comment", "同意"));
        GraphQlClient.Response approveFromAbove = Phones.of(baseUrl(), "guiyang.supervisor")
                .execute(GraphQlClient.operation("DecideApproval"), approve);
        GraphQlClient.Response approveAsOwnSupervisor = Phones.of(baseUrl(), "nanming.supervisor")
                .execute(GraphQlClient.operation("DecideApproval"), approve);

        // Not on any step of the approval: it is not theirs to see, let alone decide.
        assertThat(approveFromAbove.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(approveAsOwnSupervisor.firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aReadWithoutAPurposeIsRefusedAndAReadWithOneIsRecordedInTheReadersBureau() {
        long before = storedRecords();
        GraphQlClient.Response withoutPurpose = Phones.of(baseUrl(), "guiyang.supervisor").execute(
                GraphQlClient.operation("BureauVehicleOrders"), Map.of("bureauId", "bureau-nanming", "first", 50));

        assertThat(withoutPurpose.firstErrorCode()).isEqualTo("PURPOSE_REQUIRED");
        assertThat(withoutPurpose.body().toString()).doesNotContain(nanmingOrder);
        assertThat(storedRecords()).isEqualTo(before);

        assertThat(orderIds("guiyang.supervisor", "bureau-nanming")).contains(nanmingOrder);
        // The newest such record is this read's: other tests of the shared platform make the same reader read too.
        Document recorded = platformDatabase.getCollection("event_log").find(new Document("payloadType",
                "cn.gov.jgsw.domain.audit.api.SensitiveDataReadEvent")
                .append("payload.what", "vehicle-orders of bureau-nanming")
                .append("payload.readerId", "user-guiyang-supervisor"))
                .sort(new Document("_id", -1)).first();
        assertThat(recorded).isNotNull();
        assertThat(recorded.getString("tenantId")).isEqualTo("bureau-guiyang");
        assertThat(recorded.get("payload", Document.class).getString("purpose")).isEqualTo(PURPOSE);
        assertThat(recorded.get("metaData", Document.class).getString("userId")).isEqualTo("user-guiyang-supervisor");
    }

    private GraphQlClient.Response read(String username, String bureauId) {
        return Phones.of(baseUrl(), username).execute(GraphQlClient.operation("BureauVehicleOrders"),
                Map.of("bureauId", bureauId, "purpose", PURPOSE, "first", 50));
    }

    private List<String> orderIds(String username, String bureauId) {
        GraphQlClient.Response response = read(username, bureauId);
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        List<String> ids = new ArrayList<>();
        for (JsonNode edge : response.data().at("/bureauVehicleOrders/edges")) {
            ids.add(edge.at("/node/id").asText());
        }
        return ids;
    }
}
