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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet ledger (台账) over HTTP with real tokens: a bureau admin puts vehicles on it with the ledger's facts, seals
 * them for holidays and lifts a sealing, retires them; dispatchers see what is free. Vehicles here are registered by
 * the test, so the demo fleet other tests dispatch stays as it is.
 */
class FleetLedgerIT extends PlatformIT {

    private static final AtomicInteger PLATES = new AtomicInteger();
    private static final OffsetDateTime FAR_AHEAD = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(400)
            .truncatedTo(ChronoUnit.DAYS);

    private GraphQlClient admin;
    private GraphQlClient dispatcher;

    @BeforeEach
    void signIn() {
        admin = Phones.of(baseUrl(), "yunyan.bureau-admin");
        dispatcher = Phones.of(baseUrl(), "yunyan.dispatcher");
    }

    static Map<String, Object> vehicleInput() {
        return withKey("plateNumber", "贵A·T" + String.format("%04d", PLATES.incrementAndGet()),
                "carClass", "SEDAN", "seats", 4, "energyType", "BATTERY_ELECTRIC", "purchasePriceFen", 21_800_000,
                "purchaseDate", "2025-06-18", "parkingSpot", Map.of("latitude", 26.5840, "longitude", 106.7127,
                        "radiusMetres", 50));
    }

    private static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response response = phone.execute(GraphQlClient.operation(operation), Map.of("input", input));
        assertThat(response.hasErrors()).as(operation + ": " + response.body()).isFalse();
        return response.data().elements().next().get("vehicle");
    }

    private String register() {
        return succeed(admin, "RegisterVehicle", vehicleInput()).get("id").asText();
    }

    private List<String> dispatchable(OffsetDateTime start, OffsetDateTime end) {
        return dispatcher.execute(GraphQlClient.operation("DispatchableVehicles"), Map.of("plannedStart",
                start.toString(), "plannedEnd", end.toString(), "passengerCount", 1)).data()
                .at("/dispatchableVehicles").findValuesAsText("id");
    }

    @Test
    void anAdminPutsAVehicleOnTheLedgerWithItsFacts() {
        Map<String, Object> input = vehicleInput();
        JsonNode vehicle = succeed(admin, "RegisterVehicle", input);
        assertThat(vehicle.get("plateNumber").asText()).isEqualTo(input.get("plateNumber"));
        assertThat(vehicle.get("energyType").asText()).isEqualTo("BATTERY_ELECTRIC");
        assertThat(vehicle.get("purchasePriceFen").asLong()).isEqualTo(21_800_000);
        assertThat(vehicle.get("purchaseDate").asText()).isEqualTo("2025-06-18");
        assertThat(vehicle.at("/parkingSpot/radiusMetres").asInt()).isEqualTo(50);
        assertThat(vehicle.get("retired").asBoolean()).isFalse();
        assertThat(dispatcher.execute(GraphQlClient.operation("FleetVehicles")).data().at("/fleetVehicles")
                .findValuesAsText("id")).contains(vehicle.get("id").asText());
        assertThat(Phones.of(baseUrl(), "yunyan.civil-servant").execute(GraphQlClient.operation("FleetVehicles"))
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(dispatcher.execute(GraphQlClient.operation("RegisterVehicle"), Map.of("input", vehicleInput()))
                .firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anEntryWithImpossibleFactsIsRefusedAndRecordsNothing() {
        List<Map<String, Object>> invalid = List.of(
                with("seats", 0), with("purchasePriceFen", 0), with("purchaseDate", "2099-01-01"),
                with("parkingSpot", Map.of("latitude", 0.0, "longitude", 0.0, "radiusMetres", 50)),
                with("parkingSpot", Map.of("latitude", 95.0, "longitude", 106.7, "radiusMetres", 50)),
                with("parkingSpot", Map.of("latitude", 26.58, "longitude", 106.71, "radiusMetres", 5000)));
        for (Map<String, Object> input : invalid) {
            long before = storedRecords();
            assertThat(admin.execute(GraphQlClient.operation("RegisterVehicle"), Map.of("input", input))
                    .firstErrorCode()).as(input.toString()).isEqualTo("INVALID_VEHICLE");
            assertThat(storedRecords()).isEqualTo(before);
        }
        assertThat(admin.execute(GraphQlClient.operation("RegisterVehicle"), Map.of("input",
                with("owningUnitId", "unit-zunyi-office"))).firstErrorCode()).as("a unit of another bureau")
                .isEqualTo("NOT_FOUND");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> input = vehicleInput();
        input.put(field, value);
        return input;
    }

    @Test
    void aSealedVehicleIsNotDispatchableUntilTheSealingIsLifted() {
        String vehicleId = register();
        OffsetDateTime start = FAR_AHEAD;
        OffsetDateTime end = FAR_AHEAD.plusDays(7);
        JsonNode sealed = succeed(admin, "SealVehicle", withKey("vehicleId", vehicleId, "start", start.toString(),
                "end", end.toString(), "reason", "国庆节封存"));
        String sealingId = sealed.at("/sealings/0/id").asText();
        assertThat(sealed.at("/sealings/0/reason").asText()).isEqualTo("国庆节封存");
        assertThat(dispatchable(start.plusDays(1).withHour(9), start.plusDays(1).withHour(11)))
                .doesNotContain(vehicleId);
        assertThat(dispatchable(end.plusDays(1).withHour(9), end.plusDays(1).withHour(11))).contains(vehicleId);

        assertThat(admin.execute(GraphQlClient.operation("SealVehicle"), Map.of("input", withKey("vehicleId",
                vehicleId, "start", start.toString(), "end", start.plusDays(40).toString(), "reason", "寒假封存")))
                .firstErrorCode()).isEqualTo("INVALID_SEALING");
        assertThat(admin.execute(GraphQlClient.operation("UnsealVehicle"), Map.of("input", withKey("vehicleId",
                vehicleId, "sealingId", sealingId, "reason", " "))).firstErrorCode()).isEqualTo("REASON_REQUIRED");

        JsonNode lifted = succeed(admin, "UnsealVehicle", withKey("vehicleId", vehicleId, "sealingId", sealingId,
                "reason", "抢险救灾用车"));
        assertThat(lifted.at("/sealings/0/liftReason").asText()).isEqualTo("抢险救灾用车");
        assertThat(dispatchable(start.plusDays(1).withHour(9), start.plusDays(1).withHour(11))).contains(vehicleId);
    }

    @Test
    void aRetiredVehicleStaysOnTheLedgerAndIsNeverDispatched() {
        String vehicleId = register();
        assertThat(admin.execute(GraphQlClient.operation("RetireVehicle"), Map.of("input", withKey("vehicleId",
                vehicleId, "reason", ""))).firstErrorCode()).isEqualTo("REASON_REQUIRED");
        JsonNode retired = succeed(admin, "RetireVehicle", withKey("vehicleId", vehicleId, "reason", "达到报废年限"));
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(dispatchable(FAR_AHEAD.withHour(9), FAR_AHEAD.withHour(11))).doesNotContain(vehicleId);
        assertThat(admin.execute(GraphQlClient.operation("FleetVehicles")).data().at("/fleetVehicles")
                .findValuesAsText("id")).contains(vehicleId);
        assertThat(admin.execute(GraphQlClient.operation("SealVehicle"), Map.of("input", withKey("vehicleId",
                vehicleId, "start", FAR_AHEAD.toString(), "end", FAR_AHEAD.plusDays(1).toString(),
                "reason", "封存")))
                .firstErrorCode()).isEqualTo("VEHICLE_RETIRED");
    }

    @Test
    void anotherBureausVehicleAnswersExactlyLikeAMissingOne() {
        String vehicleId = register();
        GraphQlClient neighbour = Phones.of(baseUrl(), "nanming.bureau-admin");
        long before = storedRecords();
        GraphQlClient.Response foreign = neighbour.execute(GraphQlClient.operation("RetireVehicle"),
                Map.of("input", Map.of("idempotencyKey", "fleet-probe-1", "vehicleId", vehicleId, "reason", "x")));
        GraphQlClient.Response missing = neighbour.execute(GraphQlClient.operation("RetireVehicle"),
                Map.of("input", Map.of("idempotencyKey", "fleet-probe-2", "vehicleId", "vehicle-none", "reason",
                        "x")));
        assertThat(foreign.firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(storedRecords()).isEqualTo(before);
    }

    /** The plate and every reason refuse text that has no place in a record, and record nothing. */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefusedInEveryField(String sample) {
        String vehicleId = register();
        String sealingId = succeed(admin, "SealVehicle", withKey("vehicleId", vehicleId, "start",
                FAR_AHEAD.toString(), "end", FAR_AHEAD.plusDays(2).toString(), "reason", "封存"))
                .at("/sealings/0/id").asText();
        Map<String, Map<String, Object>> inputs = Map.of(
                "RegisterVehicle", with("plateNumber", HostileText.placeholder()),
                "SealVehicle", withKey("vehicleId", vehicleId, "start", FAR_AHEAD.plusDays(5).toString(),
                        "end", FAR_AHEAD.plusDays(6).toString(), "reason", HostileText.placeholder()),
                "UnsealVehicle", withKey("vehicleId", vehicleId, "sealingId", sealingId,
                        "reason", HostileText.placeholder()),
                "RetireVehicle", withKey("vehicleId", vehicleId, "reason", HostileText.placeholder()));
        inputs.forEach((operation, input) -> {
            long before = storedRecords();
            GraphQlClient.Response response = admin.post(HostileText.body(operation, Map.of("input", input),
                    sample));
            assertThat(response.firstErrorCode()).as(operation + " " + sample)
                    .isIn("INVALID_VEHICLE", "INVALID_SEALING");
            assertThat(storedRecords()).as(operation).isEqualTo(before);
        });
    }
}
