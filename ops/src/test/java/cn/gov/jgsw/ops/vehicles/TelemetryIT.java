package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.HostileText;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.ops.support.RequestFlood;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.jgsw.ops.support.MutationInputs.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Positions from a bureau's GPS gateway over the machine door, with a real client-credentials token: a batch kept
 * once however often it is sent, every kind of bad position refused with nothing kept, and undispatched movement
 * raising an alert whose case the bureau admin disposes of and the supervisor above reads.
 */
class TelemetryIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POSITIONS = "/integration/v1/telemetry/positions";
    private static final double YARD_LATITUDE = 27.7250;
    private static final double YARD_LONGITUDE = 106.9270;
    private static final double METRES_PER_DEGREE = 111_195;

    private GraphQlClient admin;
    private IntegrationMachine machine;
    private String token;

    @BeforeEach
    void connectTheGateway() {
        admin = Phones.of(baseUrl(), "zunyi.bureau-admin");
        JsonNode client = admin.execute(GraphQlClient.operation("RegisterIntegrationClient"), Map.of("input",
                withKey("name", "遵义北斗网关", "scopes", List.of("TELEMETRY_WRITE")))).data()
                .at("/registerIntegrationClient");
        machine = new IntegrationMachine(baseUrl());
        token = machine.requestToken(client.at("/client/id").asText(), client.get("secret").asText(),
                "telemetry:write").accessToken();
    }

    /** A vehicle of Zunyi's own, parked in the bureau's yard, with no orders. */
    private String parkedVehicle() {
        Map<String, Object> input = FleetLedgerIT.vehicleInput();
        input.put("parkingSpot", Map.of("latitude", YARD_LATITUDE, "longitude", YARD_LONGITUDE, "radiusMetres", 50));
        GraphQlClient.Response response = admin.execute(GraphQlClient.operation("RegisterVehicle"),
                Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data().at("/registerVehicle/vehicle/id").asText();
    }

    private static Map<String, Object> position(String vehicleId, Instant at, double metresNorth, double accuracy) {
        Map<String, Object> position = new HashMap<>();
        position.put("vehicleId", vehicleId);
        position.put("time", at.toString());
        position.put("latitude", YARD_LATITUDE + metresNorth / METRES_PER_DEGREE);
        position.put("longitude", YARD_LONGITUDE);
        position.put("speedKmh", 30.0);
        position.put("accuracyMetres", accuracy);
        return position;
    }

    /** Leaving the yard northwards, one good fix every 10 s, ending a minute ago. */
    private static List<Map<String, Object>> departure(String vehicleId, int fixes) {
        Instant start = Instant.now().minusSeconds(60 + 10L * fixes);
        List<Map<String, Object>> track = new ArrayList<>();
        for (int i = 0; i < fixes; i++) {
            track.add(position(vehicleId, start.plusSeconds(10L * i), 80.0 * i, 5));
        }
        return track;
    }

    private IntegrationMachine.Answer send(List<Map<String, Object>> positions) {
        try {
            return machine.postJson(POSITIONS, token, JSON.writeValueAsString(Map.of("positions", positions)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long keptFixes() {
        long fixes = 0;
        for (Document bucket : platformDatabase.getCollection("vehicle_tracks").find()) {
            fixes += bucket.get("fixes", Document.class).size();
        }
        return fixes;
    }

    @Test
    void aBatchIsKeptOnceHoweverOftenItIsSent() {
        String vehicleId = parkedVehicle();
        List<Map<String, Object>> parked = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(300);
        for (int i = 0; i < 5; i++) {
            parked.add(position(vehicleId, start.plusSeconds(10L * i), 3, 8));
        }
        IntegrationMachine.Answer first = send(parked);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("accepted").asInt()).isEqualTo(5);
        assertThat(first.body().get("alertsRaised").asInt()).isZero();

        JsonNode line = null;
        for (JsonNode entry : Phones.of(baseUrl(), "zunyi.dispatcher").execute(GraphQlClient.operation("FleetBoard"))
                .data().get("fleetBoard")) {
            if (entry.at("/vehicle/id").asText().equals(vehicleId)) {
                line = entry;
            }
        }
        assertThat(line).as("on the dispatcher's board").isNotNull();
        assertThat(line.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(OffsetDateTime.parse(line.at("/lastPosition/at").asText()).toInstant().getEpochSecond())
                .as("the newest of the batch").isEqualTo(start.plusSeconds(40).getEpochSecond());

        long before = keptFixes();
        IntegrationMachine.Answer again = send(parked);
        assertThat(again.body().get("accepted").asInt()).isZero();
        assertThat(again.body().get("duplicates").asInt()).isEqualTo(5);
        assertThat(keptFixes()).isEqualTo(before);

        List<Map<String, Object>> outOfOrder = new ArrayList<>(List.of(
                position(vehicleId, start.minusSeconds(60), 2, 8), position(vehicleId, start.plusSeconds(100), 4, 8)));
        IntegrationMachine.Answer late = send(outOfOrder);
        assertThat(late.body().get("accepted").asInt()).as("out of order is kept").isEqualTo(2);
        assertThat(late.body().get("late").asInt()).as("but not judged by the fences").isEqualTo(1);
    }

    @Test
    void everyBadPositionIsNamedAndNothingOfTheBatchIsKept() {
        String vehicleId = parkedVehicle();
        Instant now = Instant.now();
        Map<String, Object> missingAccuracy = position(vehicleId, now.minusSeconds(30), 0, 5);
        missingAccuracy.remove("accuracyMetres");
        Map<String, Object> tooFast = position(vehicleId, now.minusSeconds(20), 0, 5);
        tooFast.put("speedKmh", 400.0);
        Map<String, Object> nullIsland = position(vehicleId, now.minusSeconds(10), 0, 5);
        nullIsland.put("latitude", 0.0);
        nullIsland.put("longitude", 0.0);
        List<Map<String, Object>> batch = List.of(
                position(vehicleId, now.minusSeconds(40), 0, 5),
                position("vehicle-nanming-1", now.minusSeconds(40), 0, 5),
                position("vehicle-nobody-knows", now.minusSeconds(40), 0, 5),
                position(vehicleId, now.minusSeconds(40), 20_000_000, 5),
                nullIsland,
                position(vehicleId, now.plus(Duration.ofMinutes(10)), 0, 5),
                position(vehicleId, now.minus(Duration.ofDays(200)), 0, 5),
                missingAccuracy,
                tooFast);
        long before = keptFixes();
        IntegrationMachine.Answer refused = send(batch);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_POSITIONS");
        JsonNode problems = refused.body().at("/errors/0/extensions/positions");
        Map<Integer, String> codes = new HashMap<>();
        problems.forEach(problem -> codes.put(problem.get("index").asInt(), problem.get("code").asText()));
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(
                1, "UNKNOWN_VEHICLE", 2, "UNKNOWN_VEHICLE", 3, "IMPOSSIBLE_COORDINATES",
                4, "IMPOSSIBLE_COORDINATES", 5, "POSITION_IN_FUTURE", 6, "POSITION_TOO_OLD",
                7, "INVALID_POSITION", 8, "INVALID_POSITION"));
        assertThat(problems.get(0).get("message").asText()).isNotBlank();
        assertThat(keptFixes()).isEqualTo(before);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.add(position(vehicleId, now.minusSeconds(2_000 - i), 0, 5));
        }
        assertThat(send(tooMany).body().at("/errors/0/extensions/code").asText()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(machine.postJson(POSITIONS, token, "{\"positions\": [{\"vehicleId\": ").status()).isEqualTo(400);
        assertThat(keptFixes()).isEqualTo(before);
    }

    @Test
    void aParkedCarsJitterAndPoorFixesRaiseNoAlarm() {
        String vehicleId = parkedVehicle();
        List<Map<String, Object>> noisy = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(600);
        for (int i = 0; i < 50; i++) {
            double metres = i % 10 == 0 ? 300 : (i % 3) * 7;
            noisy.add(position(vehicleId, start.plusSeconds(10L * i), metres, i % 10 == 0 ? 25 : 8));
        }
        for (int i = 50; i < 60; i++) {
            noisy.add(position(vehicleId, start.plusSeconds(10L * i), 600, 250));
        }
        IntegrationMachine.Answer answer = send(noisy);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(60);
        assertThat(answer.body().get("alertsRaised").asInt()).isZero();
    }

    @Test
    void undispatchedMovementRaisesAnAlertWhoseCaseIsDisposedOfAndReadFromAbove() {
        String vehicleId = parkedVehicle();
        IntegrationMachine.Answer answer = send(departure(vehicleId, 20));
        assertThat(answer.body().get("alertsRaised").asInt()).as(answer.body().toString()).isEqualTo(1);
        assertThat(send(departure(vehicleId, 20)).body().get("alertsRaised").asInt()).as("the same fixes again")
                .isZero();

        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode edge : admin.execute(GraphQlClient.operation("VehicleAlertCases"), Map.of("first", 50))
                    .data().at("/vehicleAlertCases/edges")) {
                if (edge.at("/node/vehicle/id").asText().equals(vehicleId)) {
                    found[0] = edge.get("node");
                    return true;
                }
            }
            return false;
        });
        JsonNode alert = found[0];
        assertThat(alert.get("rule").asText()).as("office hours or not, by the clock of this run")
                .isIn("PARKING_DEPARTURE", "OFF_HOURS_USE");
        assertThat(alert.get("fixes").size()).isEqualTo(3);
        assertThat(alert.get("evidence").asText()).contains("无覆盖该时刻的派车单");
        assertThat(alert.get("disposition").isNull()).isTrue();

        String caseId = alert.get("id").asText();
        assertThat(admin.execute(GraphQlClient.operation("DisposeVehicleAlertCase"), Map.of("input", withKey(
                "caseId", caseId, "disposition", "JUSTIFIED", "reason", " "))).firstErrorCode())
                .isEqualTo("REASON_REQUIRED");
        JsonNode disposed = admin.execute(GraphQlClient.operation("DisposeVehicleAlertCase"), Map.of("input",
                withKey("caseId", caseId, "disposition", "JUSTIFIED", "reason", "抢险救灾临时用车，已补办手续")))
                .data().at("/disposeVehicleAlertCase/alertCase");
        assertThat(disposed.get("disposition").asText()).isEqualTo("JUSTIFIED");
        assertThat(disposed.at("/disposedBy/id").asText()).isEqualTo("user-zunyi-bureau-admin");
        assertThat(admin.execute(GraphQlClient.operation("VehicleAlertCase"), Map.of("id", caseId)).data()
                .at("/vehicleAlertCase/disposition").asText()).as("the case read alone").isEqualTo("JUSTIFIED");
        assertThat(admin.execute(GraphQlClient.operation("DisposeVehicleAlertCase"), Map.of("input", withKey(
                "caseId", caseId, "disposition", "CONFIRMED_MISUSE", "reason", "改判"))).firstErrorCode())
                .isEqualTo("ALERT_CASE_CLOSED");

        GraphQlClient supervisor = Phones.of(baseUrl(), "guizhou.supervisor");
        assertThat(supervisor.execute(GraphQlClient.operation("BureauVehicleAlertCases"),
                Map.of("bureauId", "bureau-zunyi")).firstErrorCode()).isEqualTo("PURPOSE_REQUIRED");
        JsonNode read = supervisor.execute(GraphQlClient.operation("BureauVehicleAlertCases"), Map.of(
                "bureauId", "bureau-zunyi", "purpose", "公车使用专项检查", "first", 50)).data()
                .at("/bureauVehicleAlertCases/edges");
        assertThat(read.findValuesAsText("id")).contains(caseId);
        assertThat(Phones.of(baseUrl(), "nanming.bureau-admin").execute(GraphQlClient.operation("VehicleAlertCase"),
                Map.of("id", caseId)).firstErrorCode()).as("another bureau").isEqualTo("NOT_FOUND");
    }

    @Test
    void leavingTheServiceAreaWithoutAnOrderRaisesItsOwnAlert() {
        assertThat(admin.execute(GraphQlClient.operation("SetServiceArea"), Map.of("input", withKey("boundary",
                List.of(corner(-0.045, -0.05), corner(0.045, 0.05))))).firstErrorCode())
                .isEqualTo("INVALID_SERVICE_AREA");
        // About 10 km by 10 km around the yard: the other trips of this class stay well inside.
        JsonNode area = admin.execute(GraphQlClient.operation("SetServiceArea"), Map.of("input", withKey("boundary",
                List.of(corner(-0.045, -0.05), corner(-0.045, 0.05), corner(0.045, 0.05), corner(0.045, -0.05)))))
                .data().at("/setServiceArea/serviceArea");
        assertThat(area.get("boundary").size()).isEqualTo(4);
        assertThat(admin.execute(GraphQlClient.operation("ServiceArea")).data().at("/serviceArea/version").isNull())
                .isFalse();

        String vehicleId = parkedVehicle();
        IntegrationMachine.Answer answer = send(departure(vehicleId, 80));
        assertThat(answer.body().get("alertsRaised").asInt()).as("left the spot, then the area").isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.execute(GraphQlClient.operation("VehicleAlertCases"),
                        Map.of("first", 50)).data().at("/vehicleAlertCases/edges").findValues("node").stream()
                .anyMatch(node -> node.at("/vehicle/id").asText().equals(vehicleId)
                        && node.get("rule").asText().equals("OUTSIDE_SERVICE_AREA")));
    }

    private static Map<String, Object> corner(double northDegrees, double eastDegrees) {
        return Map.of("latitude", YARD_LATITUDE + northDegrees, "longitude", YARD_LONGITUDE + eastDegrees);
    }

    @Test
    void aBureauKeepsTracksAsLongAsItsAdminSets() {
        assertThat(admin.execute(GraphQlClient.operation("SetTrackRetention"), Map.of("input",
                withKey("days", 10))).firstErrorCode()).isEqualTo("INVALID_TRACK_RETENTION");
        JsonNode set = admin.execute(GraphQlClient.operation("SetTrackRetention"), Map.of("input",
                withKey("days", 400))).data().at("/setTrackRetention/retention");
        assertThat(set.get("days").asInt()).isEqualTo(400);
        assertThat(admin.execute(GraphQlClient.operation("TrackRetention")).data().at("/trackRetention/days").asInt())
                .isEqualTo(400);
        String vehicleId = parkedVehicle();
        IntegrationMachine.Answer old = send(List.of(position(vehicleId, Instant.now().minus(Duration.ofDays(200)),
                0, 5)));
        assertThat(old.status()).as("200 days old, kept 400 days").isEqualTo(200);
        admin.execute(GraphQlClient.operation("SetTrackRetention"), Map.of("input", withKey("days", 180)));
    }

    /** A disposal's reason and a supervisor's purpose refuse text that has no place in a record. */
    @ParameterizedTest
    @MethodSource("cn.gov.jgsw.ops.support.HostileText#samples")
    void textThatHasNoPlaceInARecordIsRefused(String sample) {
        String vehicleId = parkedVehicle();
        send(departure(vehicleId, 10));
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode edge : admin.execute(GraphQlClient.operation("VehicleAlertCases"), Map.of("first", 50))
                    .data().at("/vehicleAlertCases/edges")) {
                if (edge.at("/node/vehicle/id").asText().equals(vehicleId)) {
                    caseId[0] = edge.at("/node/id").asText();
                    return true;
                }
            }
            return false;
        });
        long before = storedRecords();
        GraphQlClient.Response disposal = admin.post(HostileText.body("DisposeVehicleAlertCase", Map.of("input",
                withKey("caseId", caseId[0], "disposition", "FALSE_ALARM", "reason", HostileText.placeholder())),
                sample));
        assertThat(disposal.firstErrorCode()).as(sample).isEqualTo("INVALID_INPUT");
        Map<String, Object> variables = new HashMap<>();
        variables.put("bureauId", "bureau-zunyi");
        variables.put("purpose", HostileText.placeholder());
        GraphQlClient.Response read = Phones.of(baseUrl(), "guizhou.supervisor")
                .post(HostileText.body("BureauVehicleAlertCases", variables, sample));
        assertThat(read.firstErrorCode()).as(sample).isEqualTo("PURPOSE_REQUIRED");
        assertThat(read.body().toString()).doesNotContain("edges");
        variables.put("orderId", "order-of-nobody");
        GraphQlClient.Response track = Phones.of(baseUrl(), "guizhou.supervisor")
                .post(HostileText.body("VehicleOrderTrack", variables, sample));
        assertThat(track.firstErrorCode()).as(sample).isIn("PURPOSE_REQUIRED", "NOT_FOUND");
        assertThat(storedRecords()).isEqualTo(before);
    }

    /**
     * A dispatched trip with positions yields its trip record, and an odometer reading its positions contradict raises
     * an alert; the track is read only with a purpose, and the read is recorded.
     */
    @Test
    void aDispatchedTripWithPositionsYieldsItsRecordAndItsTrackIsReadWithAPurpose() throws Exception {
        String vehicleId = parkedVehicle();
        GraphQlClient clerk = Phones.of(baseUrl(), "zunyi.civil-servant");
        GraphQlClient driver = Phones.of(baseUrl(), "zunyi.driver-2");
        String orderId = Trips.startedNow(baseUrl(), "zunyi", vehicleId, "driver-2", 500, 10_000);

        Instant first = Instant.now().plusMillis(100);
        List<Map<String, Object>> trip = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trip.add(position(vehicleId, first.plusMillis(200L * i), 10.0 * i, 5));
        }
        assertThat(send(trip).body().get("accepted").asInt()).isEqualTo(10);
        // The trip ends once its fixes lie in the past.
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(first.plusSeconds(3)));
        // 30 km on the odometer for a trip its positions show as 90 m: an odometer mismatch.
        succeed(driver, "EndTrip", withKey("orderId", orderId, "odometerKm", 10_030, "fuelLitres", 0.1,
                "tollsFen", 0));

        JsonNode record = clerk.execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", orderId)).data()
                .at("/vehicleOrder/tripRecord");
        assertThat(record.get("positionCount").asInt()).isEqualTo(10);
        assertThat(record.get("gpsDistanceKm").asDouble()).isCloseTo(0.09, within(0.002));
        assertThat(record.get("odometerDistanceKm").asInt()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.execute(GraphQlClient.operation("VehicleAlertCases"),
                        Map.of("first", 50)).data().at("/vehicleAlertCases/edges").findValues("node").stream()
                .anyMatch(node -> node.at("/vehicle/id").asText().equals(vehicleId)
                        && node.get("rule").asText().equals("ODOMETER_MISMATCH")));

        Map<String, Object> period = Map.of("from", Instant.now().minusSeconds(3600).toString(),
                "to", Instant.now().plusSeconds(3600).toString());
        JsonNode[] usage = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode line : admin.execute(GraphQlClient.operation("FleetUsage"), period).data()
                    .at("/fleetUsage/vehicles")) {
                if (line.at("/vehicle/id").asText().equals(vehicleId) && line.get("trips").asInt() == 1) {
                    usage[0] = line;
                    return true;
                }
            }
            return false;
        });
        assertThat(usage[0].get("distanceKm").asInt()).isEqualTo(30);
        assertThat(usage[0].get("fuelLitres").asDouble()).isEqualTo(0.1);
        assertThat(usage[0].get("utilisation").asDouble()).isBetween(0.0, 0.01);
        assertThat(clerk.execute(GraphQlClient.operation("FleetUsage"), period).firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(admin.execute(GraphQlClient.operation("FleetUsage"), Map.of("from", period.get("to"),
                "to", period.get("from"))).firstErrorCode()).isEqualTo("END_BEFORE_START");

        assertThat(clerk.execute(GraphQlClient.operation("VehicleOrderTrack"), Map.of("orderId", orderId))
                .firstErrorCode()).isEqualTo("PURPOSE_REQUIRED");
        long before = storedEvents();
        JsonNode track = clerk.execute(GraphQlClient.operation("VehicleOrderTrack"), Map.of("orderId", orderId,
                "purpose", "核对本人用车里程")).data().get("vehicleOrderTrack");
        assertThat(track.get("fixes").size()).isEqualTo(10);
        assertThat(storedEvents()).as("the read is recorded").isEqualTo(before + 1);
        assertThat(Phones.of(baseUrl(), "zunyi.driver").execute(GraphQlClient.operation("VehicleOrderTrack"),
                Map.of("orderId", orderId, "purpose", "好奇")).firstErrorCode()).as("neither requester nor approver")
                .isEqualTo("NOT_FOUND");
        assertThat(Phones.of(baseUrl(), "guizhou.supervisor").execute(GraphQlClient.operation("VehicleOrderTrack"),
                Map.of("orderId", orderId, "bureauId", "bureau-zunyi", "purpose", "公车使用专项检查")).data()
                .at("/vehicleOrderTrack/fixes").size()).isEqualTo(10);
    }

    /** A gateway in a retry loop is told when to retry, on its own budget: another gateway is served meanwhile. */
    @Test
    void aGatewaySendingFasterThanItsBudgetIsToldWhenToRetry() throws Exception {
        IntegrationMachine other = new IntegrationMachine(baseUrl());
        JsonNode client = admin.execute(GraphQlClient.operation("RegisterIntegrationClient"), Map.of("input",
                withKey("name", "遵义备用网关", "scopes", List.of("TELEMETRY_WRITE")))).data()
                .at("/registerIntegrationClient");
        String otherToken = other.requestToken(client.at("/client/id").asText(), client.get("secret").asText(),
                "telemetry:write").accessToken();
        List<IntegrationMachine.Answer> refused = new ArrayList<>();
        for (IntegrationMachine.Answer response : RequestFlood.send(150,
                () -> machine.get("/integration/v1/caller", token))) {
            if (response.status() == 429) {
                refused.add(response);
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }

        assertThat(refused).isNotEmpty().allSatisfy(response -> {
            assertThat(response.body().at("/errors/0/extensions/code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Integer.parseInt(response.retryAfter())).isPositive();
        });
        assertThat(other.get("/integration/v1/caller", otherToken).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> machine.get("/integration/v1/caller", token)
                .status() == 200);
    }

    private static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        return Trips.succeed(phone, operation, input);
    }
}
