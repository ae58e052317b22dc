package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A bureau's trip as the phones make it: ordered, approved, dispatched to a vehicle and driver, and started now. */
final class Trips {

    private Trips() {
    }

    /**
     * Starts a trip of the bureau's vehicle, planned {@code daysAhead} days from now (so that the driver is not
     * booked twice by another test), started now at the odometer reading; answers the order's id.
     */
    static String startedNow(String baseUrl, String bureauPrefix, String vehicleId, String driverLogin,
                             int daysAhead, long odometerKm) {
        GraphQlClient clerk = Phones.of(baseUrl, bureauPrefix + ".civil-servant");
        GraphQlClient approver = Phones.of(baseUrl, bureauPrefix + ".approver");
        GraphQlClient dispatcher = Phones.of(baseUrl, bureauPrefix + ".dispatcher");
        GraphQlClient driver = Phones.of(baseUrl, bureauPrefix + "." + driverLogin);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(daysAhead).withHour(9)
                .withMinute(0).withSecond(0).withNano(0);
        String orderId = succeed(clerk, "OrderVehicle", withKey("purpose", "赴县里调研", "origin", "市局",
                "destination", "县局", "plannedStart", start.toString(), "plannedEnd", start.plusHours(2).toString(),
                "passengerCount", 1)).at("/orderVehicle/order/id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !approver.execute(GraphQlClient.operation("Approval"),
                Map.of("id", "approval-" + orderId)).data().path("approval").isNull());
        succeed(approver, "DecideApproval", withKey("approvalId", "approval-" + orderId, "decision", "APPROVE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(clerk.execute(
                GraphQlClient.operation("VehicleOrder"), Map.of("id", orderId)).data().at("/vehicleOrder/status")
                .asText()));
        succeed(dispatcher, "DispatchVehicleOrder", withKey("orderId", orderId, "vehicleId", vehicleId,
                "driverId", "user-" + bureauPrefix + "-" + driverLogin));
        succeed(driver, "StartTrip", withKey("orderId", orderId, "odometerKm", odometerKm));
        // The fences learn of the trip from the fleet view, which follows the events on its own: fixes sent before
        // it has the trip would be judged as movement without one. The board reads the same reservations.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode line : dispatcher.execute(GraphQlClient.operation("FleetBoard")).data().path("fleetBoard")) {
                if (line.at("/vehicle/id").asText().equals(vehicleId)) {
                    return line.get("status").asText().equals("ON_ORDER");
                }
            }
            return false;
        });
        return orderId;
    }

    static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response response = phone.execute(GraphQlClient.operation(operation), Map.of("input", input));
        assertThat(response.hasErrors()).as(operation + ": " + response.body()).isFalse();
        return response.data();
    }
}
