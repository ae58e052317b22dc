package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.send;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nanming district cannot see, approve, reject, dispatch or cancel a Yunyan district order, nor use Yunyan's vehicles
 * or drivers, and every such attempt is answered exactly like one naming an id that does not exist.
 */
class VehicleOrderIsolationIT extends PlatformIT {

    private GraphQlClient yunyanClerk;
    private GraphQlClient yunyanApprover;
    private GraphQlClient nanmingClerk;
    private GraphQlClient nanmingApprover;
    private GraphQlClient nanmingDispatcher;

    @BeforeEach
    void signIn() {
        yunyanClerk = Phones.of(baseUrl(), "yunyan.civil-servant");
        yunyanApprover = Phones.of(baseUrl(), "yunyan.approver");
        nanmingClerk = Phones.of(baseUrl(), "nanming.civil-servant");
        nanmingApprover = Phones.of(baseUrl(), "nanming.approver");
        nanmingDispatcher = Phones.of(baseUrl(), "nanming.dispatcher");
    }

    @Test
    void anotherDistrictsOrderIsNotFoundForEveryStepAndNothingIsRecorded() {
        String yunyanOrder = VehicleOrderSteps.approvedOrder(yunyanClerk, yunyanApprover, freshWindow(), 1);
        String missing = UUID.randomUUID().toString();
        long before = storedRecords();

        assertSameAsMissing(id -> nanmingApprover.execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", id)),
                yunyanOrder, missing);
        for (String decision : List.of("APPROVE", "REJECT")) {
            assertSameAsMissing(id -> nanmingApprover.execute(GraphQlClient.operation("DecideApproval"),
                            Map.of("input", withKey("approvalId", VehicleOrderSteps.approvalOf(id), "decision", decision,
                                    "comment", "no"))), yunyanOrder, missing);
        }
        assertSameAsMissing(id -> send(nanmingDispatcher, "DispatchVehicleOrder", withKey("orderId", id,
                "vehicleId", "vehicle-nanming-3", "driverId", "user-nanming-driver")), yunyanOrder, missing);
        assertSameAsMissing(id -> send(nanmingClerk, "CancelVehicleOrder", withKey("orderId", id)),
                yunyanOrder, missing);

        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void anotherDistrictsVehicleOrDriverIsNotFound() {
        String nanmingOrder = VehicleOrderSteps.approvedOrder(nanmingClerk, nanmingApprover, freshWindow(), 1);
        long before = storedRecords();

        GraphQlClient.Response foreignVehicle = send(nanmingDispatcher, "DispatchVehicleOrder", withKey(
                "orderId", nanmingOrder, "vehicleId", "vehicle-yunyan-1", "driverId", "user-nanming-driver"));
        GraphQlClient.Response unknownVehicle = send(nanmingDispatcher, "DispatchVehicleOrder", withKey(
                "orderId", nanmingOrder, "vehicleId", "vehicle-nowhere", "driverId", "user-nanming-driver"));
        GraphQlClient.Response foreignDriver = send(nanmingDispatcher, "DispatchVehicleOrder", withKey(
                "orderId", nanmingOrder, "vehicleId", "vehicle-nanming-1", "driverId", "user-yunyan-driver"));

        assertThat(foreignVehicle.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreignVehicle.body()).isEqualTo(unknownVehicle.body());
        GraphQlClient.Response unknownDriver = send(nanmingDispatcher, "DispatchVehicleOrder", withKey(
                "orderId", nanmingOrder, "vehicleId", "vehicle-nanming-1", "driverId", "user-nobody"));
        assertThat(foreignDriver.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreignDriver.body()).isEqualTo(unknownDriver.body());
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void listsHoldOnlyTheOwnDistrictsOrders() {
        String yunyanOrder = VehicleOrderSteps.placeOrder(yunyanClerk, freshWindow(), 1);

        List<String> nanmingInbox = new ArrayList<>();
        nanmingApprover.execute(GraphQlClient.operation("PendingApprovals"), Map.of("first", 50))
                .data().at("/pendingApprovals/edges")
                .forEach(edge -> nanmingInbox.add(edge.at("/node/subjectId").asText()));
        List<String> yunyanInbox = new ArrayList<>();
        yunyanApprover.execute(GraphQlClient.operation("PendingApprovals"), Map.of("first", 50))
                .data().at("/pendingApprovals/edges")
                .forEach(edge -> yunyanInbox.add(edge.at("/node/subjectId").asText()));

        assertThat(nanmingInbox).doesNotContain(yunyanOrder);
        assertThat(yunyanInbox).contains(yunyanOrder);
    }

    @Test
    void aColleagueWithoutADecidingRoleCannotSeeSomeoneElsesOrder() {
        String orderId = VehicleOrderSteps.placeOrder(nanmingClerk, freshWindow(), 1);
        GraphQlClient colleague = Phones.of(baseUrl(), "nanming.energy-manager");

        GraphQlClient.Response response = colleague.execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", orderId));

        assertThat(response.firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    /** The foreign id and a missing id give the very same answer (message, code, path), and neither succeeds. */
    private static void assertSameAsMissing(Function<String, GraphQlClient.Response> attempt, String foreignId,
                                            String missingId) {
        GraphQlClient.Response foreign = attempt.apply(foreignId);
        GraphQlClient.Response missing = attempt.apply(missingId);
        assertThat(foreign.firstErrorCode()).as(foreign.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(foreign.status()).isEqualTo(missing.status());
        assertThat(foreign.body()).isEqualTo(missing.body());
    }
}
