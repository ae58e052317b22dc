package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.orderInput;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.send;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** No vehicle and no driver is booked twice for overlapping times; bad input is refused with a code and records nothing. */
class DispatchRulesIT extends PlatformIT {

    private GraphQlClient clerk;
    private GraphQlClient approver;
    private GraphQlClient dispatcher;

    @BeforeEach
    void signIn() {
        clerk = Phones.of(baseUrl(), "tongzi.civil-servant");
        approver = Phones.of(baseUrl(), "tongzi.approver");
        dispatcher = Phones.of(baseUrl(), "tongzi.dispatcher");
    }

    @Test
    void neitherVehicleNorDriverIsDoubleBooked() {
        VehicleOrderSteps.Window window = freshWindow();
        String first = VehicleOrderSteps.approvedOrder(clerk, approver, window, 2);
        String second = VehicleOrderSteps.approvedOrder(clerk, approver, window, 2);
        VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", first, "vehicleId", "vehicle-tongzi-1", "driverId", "user-tongzi-driver"));
        long before = storedRecords();

        GraphQlClient.Response sameVehicle = send(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", second, "vehicleId", "vehicle-tongzi-1", "driverId", "user-tongzi-driver-2"));
        GraphQlClient.Response sameDriver = send(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", second, "vehicleId", "vehicle-tongzi-2", "driverId", "user-tongzi-driver"));

        assertThat(sameVehicle.firstErrorCode()).isEqualTo("VEHICLE_DOUBLE_BOOKED");
        assertThat(sameVehicle.firstError().path("message").asText()).isEqualTo("该车辆在此时段已被安排。");
        assertThat(sameDriver.firstErrorCode()).isEqualTo("DRIVER_DOUBLE_BOOKED");
        assertThat(storedRecords()).as("a refused dispatch reserves nothing").isEqualTo(before);
        assertThat(VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", second, "vehicleId", "vehicle-tongzi-2", "driverId", "user-tongzi-driver-2"))
                .get("status").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void twoDispatchersTakingTheSameVehicleAtOnceGetItOnceBetweenThem() throws Exception {
        VehicleOrderSteps.Window window = freshWindow();
        String first = VehicleOrderSteps.approvedOrder(clerk, approver, window, 2);
        String second = VehicleOrderSteps.approvedOrder(clerk, approver, window, 2);
        ExecutorService phones = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            Future<GraphQlClient.Response> a = phones.submit(() -> {
                ready.countDown();
                ready.await();
                return send(dispatcher, "DispatchVehicleOrder",
                        withKey("orderId", first, "vehicleId", "vehicle-tongzi-3", "driverId", "user-tongzi-driver"));
            });
            Future<GraphQlClient.Response> b = phones.submit(() -> {
                ready.countDown();
                ready.await();
                return send(dispatcher, "DispatchVehicleOrder",
                        withKey("orderId", second, "vehicleId", "vehicle-tongzi-3", "driverId", "user-tongzi-driver-2"));
            });
            List<String> outcomes = new ArrayList<>();
            for (GraphQlClient.Response response : List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS))) {
                outcomes.add(response.hasErrors() ? response.firstErrorCode()
                        : response.data().at("/dispatchVehicleOrder/order/status").asText());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("DISPATCHED", "VEHICLE_DOUBLE_BOOKED");
        } finally {
            phones.shutdownNow();
        }
    }

    @Test
    void aCarWithTooFewSeatsIsRefused() {
        String order = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 10);

        GraphQlClient.Response sedan = send(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", order, "vehicleId", "vehicle-tongzi-1", "driverId", "user-tongzi-driver"));

        assertThat(sedan.firstErrorCode()).isEqualTo("VEHICLE_TOO_SMALL");
    }

    @Test
    void anEndBeforeTheStartIsRefusedAndRecordsNothing() {
        VehicleOrderSteps.Window window = freshWindow();
        Map<String, Object> input = orderInput(new VehicleOrderSteps.Window(window.end(), window.start()), 1);
        long before = storedRecords();

        GraphQlClient.Response response = send(clerk, "OrderVehicle", input);

        assertThat(response.firstErrorCode()).isEqualTo("END_BEFORE_START");
        assertThat(clerk.inLanguage("en").execute(GraphQlClient.operation("OrderVehicle"),
                Map.of("input", orderInput(new VehicleOrderSteps.Window(window.end(), window.start()), 1)))
                .firstError().path("message").asText()).isEqualTo("The end must be after the start.");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void missingOrMalformedFieldsAreRefusedAndRecordNothing() {
        long before = storedRecords();
        Map<String, Object> noPurpose = new HashMap<>(orderInput(freshWindow(), 1));
        noPurpose.remove("purpose");
        Map<String, Object> badTime = new HashMap<>(orderInput(freshWindow(), 1));
        badTime.put("plannedStart", "tomorrow morning");
        Map<String, Object> noOffset = new HashMap<>(orderInput(freshWindow(), 1));
        noOffset.put("plannedStart", "2030-01-01T09:00:00");
        Map<String, Object> blankPurpose = new HashMap<>(orderInput(freshWindow(), 1));
        blankPurpose.put("purpose", "   ");
        Map<String, Object> noPassengers = new HashMap<>(orderInput(freshWindow(), 0));

        assertThat(send(clerk, "OrderVehicle", noPurpose).firstErrorCode()).isEqualTo("INVALID_QUERY");
        assertThat(send(clerk, "OrderVehicle", badTime).firstErrorCode()).isEqualTo("INVALID_QUERY");
        assertThat(send(clerk, "OrderVehicle", noOffset).firstErrorCode()).isEqualTo("INVALID_QUERY");
        assertThat(send(clerk, "OrderVehicle", blankPurpose).firstErrorCode()).isEqualTo("INVALID_ORDER_TEXT");
        assertThat(send(clerk, "OrderVehicle", noPassengers).firstErrorCode()).isEqualTo("INVALID_PASSENGER_COUNT");
        assertThat(storedRecords()).isEqualTo(before);
    }

    /**
     * Every free-text field of an order (purpose, origin, destination), sent with text that has no place in a record,
     * written into the JSON body as escapes (so that even a lone surrogate arrives as such): refused with
     * INVALID_ORDER_TEXT, nothing recorded, the clerk's next order fine.
     */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefusedInEveryFreeTextField(String sample) {
        for (String field : List.of("purpose", "origin", "destination")) {
            Map<String, Object> input = new HashMap<>(orderInput(freshWindow(), 1));
            input.put(field, HostileText.placeholder());
            long before = storedRecords();

            GraphQlClient.Response response = clerk.post(HostileText.body("OrderVehicle", Map.of("input", input),
                    sample));

            assertThat(response.firstErrorCode()).as(field + " " + sample).isEqualTo("INVALID_ORDER_TEXT");
            assertThat(response.body().toString()).doesNotContain("Exception");
            assertThat(storedRecords()).as(field).isEqualTo(before);
        }
        Map<String, Object> fine = new HashMap<>(orderInput(freshWindow(), 1));
        fine.put("purpose", "赴遵义开会 👨‍👩‍👧");
        GraphQlClient.Response placed = send(clerk, "OrderVehicle", fine);
        assertThat(placed.hasErrors()).isFalse();
        // Routed to its approvers beside the request: wait, so that the next sample counts only its own records.
        VehicleOrderSteps.awaitApproval(clerk, placed.data().at("/orderVehicle/order/id").asText());
    }

    @Test
    void anUnknownDriverIsNotFound() {
        String order = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 1);
        long before = storedRecords();

        GraphQlClient.Response response = send(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", order, "vehicleId", "vehicle-tongzi-1", "driverId", "user-nobody"));

        assertThat(response.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void anOrderIdGivenAsVehicleIdIsNotFound() {
        String order = VehicleOrderSteps.approvedOrder(clerk, approver, freshWindow(), 1);

        GraphQlClient.Response response = send(dispatcher, "DispatchVehicleOrder",
                withKey("orderId", order, "vehicleId", order, "driverId", "user-tongzi-driver"));

        assertThat(response.firstErrorCode()).isEqualTo("NOT_FOUND");
    }
}
