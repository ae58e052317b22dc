package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Designated suppliers and refuellings on trips, over HTTP with real tokens and a real gateway: a bureau admin
 * designates fuel stations; the driver records refuellings at them from the receipt; the trip's record and the fleet's
 * usage show their cost; and a refuelling made while the car was 20 km from the station raises REFUELLING_FAR when the
 * trip ends, while one made with the car at the station stays silent. Runs in 桐梓 with vehicles of its own.
 */
class RefuellingIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double STATION_LATITUDE = 28.1500;
    private static final double STATION_LONGITUDE = 106.8300;
    /** About 20 km south of the station. */
    private static final double ELSEWHERE_LATITUDE = STATION_LATITUDE - 0.18;

    private GraphQlClient admin;
    private GraphQlClient driver;

    @BeforeEach
    void signIn() {
        admin = Phones.of(baseUrl(), "tongzi.bureau-admin");
        driver = Phones.of(baseUrl(), "tongzi.driver");
    }

    private String designateStation() {
        return Trips.succeed(admin, "DesignateSupplier", withKey("kind", "FUEL", "name", "中石化桐梓加油站",
                "station", Map.of("latitude", STATION_LATITUDE, "longitude", STATION_LONGITUDE)))
                .at("/designateSupplier/supplier/id").asText();
    }

    private String ownVehicle() {
        Map<String, Object> input = FleetLedgerIT.vehicleInput();
        input.put("energyType", "GASOLINE");
        return Trips.succeed(admin, "RegisterVehicle", input).at("/registerVehicle/vehicle/id").asText();
    }

    @Test
    void anAdminDesignatesAndWithdrawsSuppliersAndEveryoneWhoNeedsThemSeesThem() {
        Map<String, Object> input = withKey("kind", "FUEL", "name", "中石化桐梓加油站",
                "station", Map.of("latitude", STATION_LATITUDE, "longitude", STATION_LONGITUDE));
        JsonNode station = Trips.succeed(admin, "DesignateSupplier", input).at("/designateSupplier/supplier");
        assertThat(station.get("designated").asBoolean()).isTrue();
        assertThat(station.at("/station/latitude").asDouble()).isEqualTo(STATION_LATITUDE);
        long before = storedRecords();
        assertThat(Trips.succeed(admin, "DesignateSupplier", input).at("/designateSupplier/supplier"))
                .as("the same request again").isEqualTo(station);
        assertThat(storedRecords()).isEqualTo(before);
        String repairShop = Trips.succeed(admin, "DesignateSupplier", withKey("kind", "REPAIR", "name", "桐梓汽修厂"))
                .at("/designateSupplier/supplier/id").asText();

        assertThat(driver.execute(GraphQlClient.operation("DesignatedSuppliers"), Map.of("kind", "FUEL")).data()
                .at("/designatedSuppliers").findValuesAsText("id")).contains(station.get("id").asText())
                .doesNotContain(repairShop);
        assertThat(Phones.of(baseUrl(), "tongzi.civil-servant").execute(
                GraphQlClient.operation("DesignatedSuppliers"), Map.of()).firstErrorCode()).isEqualTo("FORBIDDEN");

        JsonNode withdrawn = Trips.succeed(admin, "WithdrawSupplierDesignation", withKey("supplierId", repairShop,
                "reason", "协议到期")).at("/withdrawSupplierDesignation/supplier");
        assertThat(withdrawn.get("designated").asBoolean()).isFalse();
        assertThat(withdrawn.get("withdrawnReason").asText()).isEqualTo("协议到期");
    }

    @Test
    void badDesignationsAreRefusedWithACodeAndRecordNothing() {
        long before = storedRecords();
        assertThat(send(admin, "DesignateSupplier", withKey("kind", "FUEL", "name", "无站点加油站")))
                .isEqualTo("INVALID_SUPPLIER");
        assertThat(send(admin, "DesignateSupplier", withKey("kind", "FUEL", "name", " ",
                "station", Map.of("latitude", STATION_LATITUDE, "longitude", STATION_LONGITUDE))))
                .isEqualTo("INVALID_SUPPLIER");
        assertThat(send(admin, "DesignateSupplier", withKey("kind", "FUEL", "name", "零点",
                "station", Map.of("latitude", 0.0, "longitude", 0.0)))).isEqualTo("INVALID_SUPPLIER");
        assertThat(send(admin, "WithdrawSupplierDesignation", withKey("supplierId", designateStationOf("zunyi"),
                "reason", "越权"))).as("another bureau's supplier").isEqualTo("NOT_FOUND");
        before = storedRecords();
        assertThat(send(Phones.of(baseUrl(), "tongzi.dispatcher"), "DesignateSupplier", withKey("kind", "REPAIR",
                "name", "调度员无权"))).isEqualTo("FORBIDDEN");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefusedInEveryField(String sample) {
        String repairShop = Trips.succeed(admin, "DesignateSupplier", withKey("kind", "REPAIR", "name", "桐梓汽修厂"))
                .at("/designateSupplier/supplier/id").asText();
        Map<String, Map<String, Object>> inputs = Map.of(
                "DesignateSupplier", withKey("kind", "REPAIR", "name", HostileText.placeholder()),
                "WithdrawSupplierDesignation", withKey("supplierId", repairShop, "reason", HostileText.placeholder()));
        inputs.forEach((operation, input) -> {
            long before = storedRecords();
            GraphQlClient.Response response = admin.post(HostileText.body(operation, Map.of("input", input),
                    sample));
            assertThat(response.firstErrorCode()).as(operation + " " + sample).isEqualTo("INVALID_SUPPLIER");
            assertThat(storedRecords()).as(operation).isEqualTo(before);
        });
    }

    private String designateStationOf(String bureauPrefix) {
        return Trips.succeed(Phones.of(baseUrl(), bureauPrefix + ".bureau-admin"), "DesignateSupplier",
                withKey("kind", "FUEL", "name", "外局加油站", "station", Map.of("latitude", 27.7,
                        "longitude", 106.9))).at("/designateSupplier/supplier/id").asText();
    }

    private static String send(GraphQlClient phone, String operation, Map<String, Object> input) {
        return phone.execute(GraphQlClient.operation(operation), Map.of("input", input)).firstErrorCode();
    }

    /**
     * Two trips, one refuelling each: the car at the station for the first, 20 km away for the second. Only the
     * second raises REFUELLING_FAR; both trips' records and the fleet's usage carry the cost.
     */
    @Test
    void aRefuellingFarFromTheCarRaisesAnAlertWhenTheTripEndsAndOneAtTheStationStaysSilent() throws Exception {
        String stationId = designateStation();
        String honest = ownVehicle();
        String suspect = ownVehicle();
        GatewayFeed gateway = new GatewayFeed();

        String honestTrip = Trips.startedNow(baseUrl(), "tongzi", honest, "driver", 600, 20_000);
        Instant at = gateway.sendStanding(honest, STATION_LATITUDE);
        Trips.succeed(driver, "RecordRefuelling", withKey("orderId", honestTrip, "supplierId", stationId,
                "litres", 40.5, "amountFen", 31_590, "refuelledAt", at.toString()));
        endTrip(honestTrip, 20_000, 1_500);

        String suspectTrip = Trips.startedNow(baseUrl(), "tongzi", suspect, "driver", 601, 30_000);
        Instant farAt = gateway.sendStanding(suspect, ELSEWHERE_LATITUDE);
        Map<String, Object> refuelling = withKey("orderId", suspectTrip, "supplierId", stationId,
                "litres", 52.0, "amountFen", 40_560, "refuelledAt", farAt.toString());
        JsonNode order = Trips.succeed(driver, "RecordRefuelling", refuelling).at("/recordRefuelling/order");
        assertThat(order.at("/tripRecord/refuellings/0/supplier/name").asText()).isEqualTo("中石化桐梓加油站");
        assertThat(order.at("/tripRecord/fuelCostFen").asLong()).isEqualTo(40_560);
        long before = storedRecords();
        assertThat(Trips.succeed(driver, "RecordRefuelling", refuelling).at("/recordRefuelling/order/tripRecord"
                + "/refuellings").size()).as("the same request again").isEqualTo(1);
        assertThat(storedRecords()).isEqualTo(before);
        endTrip(suspectTrip, 30_000, 2_000);

        JsonNode record = admin.execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", suspectTrip)).data()
                .at("/vehicleOrder/tripRecord");
        assertThat(record.get("fuelCostFen").asLong()).isEqualTo(40_560);
        assertThat(record.get("costFen").asLong()).isEqualTo(42_560);
        JsonNode alert = awaitAlert(suspect, "REFUELLING_FAR");
        assertThat(alert.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(alert.get("evidence").asText()).contains("52.00 升", "405.60 元");
        // The trip checks judge trips in the order they ended, and the cases list alerts in the order raised: with the
        // suspect trip's alert listed, any alert of the earlier, honest trip would be listed too.
        assertThat(alerts(honest)).as("the car stood at the station").isEmpty();

        JsonNode usage = admin.execute(GraphQlClient.operation("FleetUsage"), Map.of("from",
                        Instant.now().minusSeconds(3600).toString(), "to", Instant.now().plusSeconds(3600).toString()))
                .data().at("/fleetUsage/vehicles");
        for (JsonNode line : usage) {
            if (line.at("/vehicle/id").asText().equals(suspect)) {
                assertThat(line.get("fuelCostFen").asLong()).isEqualTo(40_560);
                assertThat(line.get("costFen").asLong()).isEqualTo(42_560);
            }
        }
    }

    @Test
    void badRefuellingsAreRefusedWithACodeAndRecordNothing() {
        String stationId = designateStation();
        String repairShop = Trips.succeed(admin, "DesignateSupplier", withKey("kind", "REPAIR", "name", "桐梓汽修厂"))
                .at("/designateSupplier/supplier/id").asText();
        String withdrawn = designateStation();
        Trips.succeed(admin, "WithdrawSupplierDesignation", withKey("supplierId", withdrawn, "reason", "协议到期"));
        String foreign = designateStationOf("zunyi");
        String trip = Trips.startedNow(baseUrl(), "tongzi", ownVehicle(), "driver", 602, 40_000);
        long before = storedRecords();

        assertThat(refuel(driver, trip, stationId, 0.0, 100)).isEqualTo("INVALID_REFUELLING");
        assertThat(refuel(driver, trip, stationId, 250.0, 100)).isEqualTo("INVALID_REFUELLING");
        assertThat(refuel(driver, trip, stationId, 40.0, 0)).isEqualTo("INVALID_REFUELLING");
        assertThat(refuel(driver, trip, repairShop, 40.0, 100)).isEqualTo("SUPPLIER_NOT_DESIGNATED");
        assertThat(refuel(driver, trip, withdrawn, 40.0, 100)).isEqualTo("SUPPLIER_NOT_DESIGNATED");
        assertThat(refuel(driver, trip, foreign, 40.0, 100)).as("another bureau's station").isEqualTo("NOT_FOUND");
        assertThat(refuel(Phones.of(baseUrl(), "tongzi.driver-2"), trip, stationId, 40.0, 100))
                .as("not this trip's driver").isIn("NOT_FOUND", "NOT_THE_ASSIGNED_DRIVER");
        assertThat(send(driver, "RecordRefuelling", withKey("orderId", trip, "supplierId", stationId,
                "litres", 40.0, "amountFen", 100, "refuelledAt", Instant.now().minusSeconds(3600).toString())))
                .as("before the trip started").isEqualTo("INVALID_REFUELLING");
        assertThat(storedRecords()).isEqualTo(before);
    }

    private static String refuel(GraphQlClient phone, String trip, String supplierId, double litres, long fen) {
        return send(phone, "RecordRefuelling", withKey("orderId", trip, "supplierId", supplierId, "litres", litres,
                "amountFen", fen));
    }

    private void endTrip(String orderId, long odometerKm, long tollsFen) {
        Trips.succeed(driver, "EndTrip", withKey("orderId", orderId, "odometerKm", odometerKm, "fuelLitres", 8.5,
                "tollsFen", tollsFen));
    }

    private JsonNode awaitAlert(String vehicleId, String rule) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode alert : alerts(vehicleId)) {
                if (alert.get("rule").asText().equals(rule)) {
                    found[0] = alert;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private List<JsonNode> alerts(String vehicleId) {
        List<JsonNode> alerts = new ArrayList<>();
        admin.execute(GraphQlClient.operation("VehicleAlertCases"), Map.of("first", 50)).data()
                .at("/vehicleAlertCases/edges").findValues("node").stream()
                .filter(node -> node.at("/vehicle/id").asText().equals(vehicleId))
                .forEach(alerts::add);
        return alerts;
    }

    /** Tongzi's GPS gateway, with a client of its own and a real client-credentials token. */
    private final class GatewayFeed {
        private final IntegrationMachine machine = new IntegrationMachine(baseUrl());
        private final String token;

        GatewayFeed() {
            JsonNode client = Trips.succeed(admin, "RegisterIntegrationClient", withKey("name", "桐梓北斗网关",
                    "scopes", List.of("TELEMETRY_WRITE"))).at("/registerIntegrationClient");
            token = machine.requestToken(client.at("/client/id").asText(), client.get("secret").asText(),
                    "telemetry:write").accessToken();
        }

        /**
         * Six good fixes of a car standing still, 10 s apart, from 30 s ago to 20 s ahead (a terminal's clock may run
         * ahead); answers now, the moment of the refuelling, which is after the trip's start.
         */
        Instant sendStanding(String vehicleId, double latitude) throws Exception {
            Instant now = Instant.now();
            Instant first = now.minusSeconds(30);
            List<Map<String, Object>> fixes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> fix = new HashMap<>();
                fix.put("vehicleId", vehicleId);
                fix.put("time", first.plusSeconds(10L * i).toString());
                fix.put("latitude", latitude);
                fix.put("longitude", STATION_LONGITUDE);
                fix.put("speedKmh", 0.0);
                fix.put("accuracyMetres", 8.0);
                fixes.add(fix);
            }
            IntegrationMachine.Answer answer = machine.postJson("/integration/v1/telemetry/positions", token,
                    JSON.writeValueAsString(Map.of("positions", fixes)));
            assertThat(answer.body().get("accepted").asInt()).as(answer.body().toString()).isEqualTo(6);
            return now;
        }
    }
}
