package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections of a trip's record (更正派车单) over HTTP: a new event with a reason, pointing at the record it corrects;
 * the read models show the corrected figures and the correction; the history keeps both; nothing is edited.
 */
class TripCorrectionIT extends PlatformIT {

    private static final AtomicInteger DAYS = new AtomicInteger(620);

    private GraphQlClient admin;
    private String orderId;
    private JsonNode record;

    @BeforeEach
    void aCompletedTripWithATypo() {
        admin = Phones.of(baseUrl(), "tongzi.bureau-admin");
        Map<String, Object> vehicle = FleetLedgerIT.vehicleInput();
        String vehicleId = Trips.succeed(admin, "RegisterVehicle", vehicle).at("/registerVehicle/vehicle/id").asText();
        orderId = Trips.startedNow(baseUrl(), "tongzi", vehicleId, "driver-2", DAYS.getAndIncrement(), 20_000);
        // 300 km typed for 30.
        Trips.succeed(Phones.of(baseUrl(), "tongzi.driver-2"), "EndTrip", withKey("orderId", orderId,
                "odometerKm", 20_300, "fuelLitres", 4.5, "tollsFen", 0));
        record = tripRecord();
    }

    private JsonNode tripRecord() {
        return admin.execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", orderId)).data()
                .at("/vehicleOrder/tripRecord");
    }

    private GraphQlClient.Response correct(GraphQlClient phone, long sequence, String reason) {
        return phone.execute(GraphQlClient.operation("CorrectTripRecord"), Map.of("input", withKey("orderId", orderId,
                "correctedSequence", sequence, "odometerKm", 20_030, "fuelLitres", 4.5, "tollsFen", 0,
                "reason", reason)));
    }

    @Test
    void aCorrectionIsANewEventTheReadModelsApplyAndTheHistoryKeeps() {
        assertThat(record.get("odometerDistanceKm").asInt()).isEqualTo(300);
        long sequence = record.get("recordSequence").asLong();

        GraphQlClient.Response corrected = correct(admin, sequence, "里程表读数录入多打一位");

        assertThat(corrected.hasErrors()).as(corrected.body().toString()).isFalse();
        JsonNode after = corrected.data().at("/correctTripRecord/order/tripRecord");
        assertThat(after.get("odometerDistanceKm").asInt()).isEqualTo(30);
        assertThat(after.at("/corrections/0/correctedSequence").asLong()).isEqualTo(sequence);
        assertThat(after.at("/corrections/0/reason").asText()).isEqualTo("里程表读数录入多打一位");
        assertThat(after.at("/corrections/0/correctedBy").asText()).isEqualTo("user-tongzi-bureau-admin");
        assertThat(after.get("recordSequence").asLong()).isGreaterThan(sequence);

        long before = storedRecords();
        assertThat(correct(admin, sequence, "再改一次").firstErrorCode()).as("the old record is not current")
                .isEqualTo("CORRECTION_NOT_CURRENT");
        assertThat(storedRecords()).isEqualTo(before);

        JsonNode history = Phones.of(baseUrl(), "zunyi.supervisor").execute(GraphQlClient.operation("ObjectHistory"),
                Map.of("bureauId", "bureau-tongzi", "objectId", orderId, "purpose", "核查派车单更正")).data()
                .at("/objectHistory");
        assertThat(history.findValuesAsText("type")).containsSubsequence("TripEndedEvent", "TripRecordCorrectedEvent");
        assertThat(history.get(history.size() - 1).get("summary").asText()).contains("更正派车单", "里程表读数录入多打一位");
    }

    @Test
    void aCorrectionNeedsAnAdminAndAReason() {
        long sequence = record.get("recordSequence").asLong();
        long before = storedRecords();
        assertThat(correct(admin, sequence, " ").firstErrorCode()).isEqualTo("REASON_REQUIRED");
        assertThat(correct(Phones.of(baseUrl(), "tongzi.dispatcher"), sequence, "更正").firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(correct(Phones.of(baseUrl(), "zunyi.bureau-admin"), sequence, "更正").firstErrorCode())
                .as("another bureau's admin").isEqualTo("NOT_FOUND");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefused(String sample) {
        long before = storedRecords();
        GraphQlClient.Response answer = admin.post(HostileText.body("CorrectTripRecord", Map.of("input",
                withKey("orderId", orderId, "correctedSequence", record.get("recordSequence").asLong(),
                        "odometerKm", 20_030, "fuelLitres", 4.5, "tollsFen", 0, "reason", HostileText.placeholder())),
                sample));
        assertThat(answer.firstErrorCode()).as(sample).isEqualTo("INVALID_ORDER_TEXT");
        assertThat(storedRecords()).isEqualTo(before);
    }
}
