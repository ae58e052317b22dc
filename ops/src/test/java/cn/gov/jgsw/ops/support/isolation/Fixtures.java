package cn.gov.jgsw.ops.support.isolation;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.Phones;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The objects the matrix points its ids at, for every bureau it uses: the bureau, a unit, a vehicle, a driver, an
 * integration client and vehicle orders in four states (approved, awaiting approval, dispatched, in trip), so that a step that is only
 * possible in one state meets an order in that state. Created and discovered through the API, as the bureau's own
 * people would.
 * <p>
 * The first object of each kind is the one the matrix puts in the arguments that do not name the target. For orders
 * that is the approved one, the state in which an order still takes a vehicle and a driver: so a foreign vehicle or
 * driver is the only thing that can stop a dispatch.
 */
public final class Fixtures {

    /** Well before the matrix's own requests (PlainValues) and far beyond the windows other tests book. */
    private static final OffsetDateTime FIRST_SLOT = OffsetDateTime.now(ZoneOffset.ofHours(8))
            .plusDays(100).truncatedTo(ChronoUnit.DAYS).withHour(8);
    private static final AtomicInteger SLOTS = new AtomicInteger();
    /** Logins other tests lock out or throttle on purpose. */
    private static final Set<String> RESERVED_LOGINS = Set.of("zunyi.property-staff", "zunyi.asset-manager");

    private final Map<String, Map<ObjectKind, List<String>>> byBureau;

    private Fixtures(Map<String, Map<ObjectKind, List<String>>> byBureau) {
        this.byBureau = byBureau;
    }

    /** Creates the fixtures of the bureaus, one bureau per task. */
    public static Fixtures create(String baseUrl, Collection<String> bureaus, Executor threads) {
        Map<String, CompletableFuture<Map<ObjectKind, List<String>>>> creating = new LinkedHashMap<>();
        for (String bureau : bureaus) {
            creating.put(bureau, CompletableFuture.supplyAsync(() -> new OfBureau(baseUrl, bureau).create(), threads));
        }
        Map<String, Map<ObjectKind, List<String>>> byBureau = new LinkedHashMap<>();
        creating.forEach((bureau, objects) -> byBureau.put(bureau, objects.join()));
        return new Fixtures(byBureau);
    }

    /** The bureau's objects of that kind; every kind has at least one. */
    public List<String> of(String bureau, ObjectKind kind) {
        List<String> objects = byBureau.get(bureau).get(kind);
        if (objects == null || objects.isEmpty()) {
            throw new IllegalStateException("no fixture of kind " + kind + " in " + bureau + ": add one to Fixtures");
        }
        return objects;
    }

    @Override
    public String toString() {
        return byBureau.toString();
    }

    /** The demo people of one bureau creating its fixtures. */
    private static final class OfBureau {

        private final GraphQlClient clerk;
        private final GraphQlClient approver;
        private final GraphQlClient dispatcher;
        private final GraphQlClient driver;
        private final GraphQlClient admin;
        private final String prefix;
        private final String baseUrl;

        OfBureau(String baseUrl, String bureau) {
            this.baseUrl = baseUrl;
            this.prefix = bureau.substring("bureau-".length());
            clerk = Phones.of(baseUrl, prefix + ".civil-servant");
            approver = Phones.of(baseUrl, prefix + ".approver");
            dispatcher = Phones.of(baseUrl, prefix + ".dispatcher");
            driver = Phones.of(baseUrl, prefix + ".driver");
            admin = Phones.of(baseUrl, prefix + ".bureau-admin");
        }

        Map<ObjectKind, List<String>> create() {
            Map<ObjectKind, List<String>> objects = new EnumMap<>(ObjectKind.class);
            objects.put(ObjectKind.BUREAU, List.of(read(clerk, "Me", Map.of()).at("/me/bureau/id").asText()));
            objects.put(ObjectKind.UNIT, List.of(read(clerk, "Units", Map.of("first", 1))
                    .at("/units/edges/0/node/id").asText()));
            String driverId = read(driver, "Me", Map.of()).at("/me/person/id").asText();
            objects.put(ObjectKind.DRIVER, List.of(driverId));
            // A vehicle of its own, so that what the matrix does to it (seal, retire) leaves the demo fleet alone.
            String vehicleId = step(admin, "RegisterVehicle", Map.of("plateNumber", "贵A·M" + prefix.length()
                            + prefix.charAt(0), "carClass", "SEDAN", "seats", 4, "energyType", "GASOLINE",
                    "purchasePriceFen", 15_000_000, "purchaseDate", "2024-01-02", "parkingSpot", Map.of(
                            "latitude", 26.6, "longitude", 106.7, "radiusMetres", 50)))
                    .at("/registerVehicle/vehicle/id").asText();
            objects.put(ObjectKind.VEHICLE, List.of(vehicleId));
            Window sealed = nextWindow();
            objects.put(ObjectKind.SEALING, List.of(step(admin, "SealVehicle", Map.of("vehicleId", vehicleId,
                            "start", sealed.start(), "end", sealed.end(), "reason", "隔离矩阵封存"))
                    .at("/sealVehicle/vehicle/sealings/0/id").asText()));
            List<String> orders = orders(vehicleId, driverId);
            objects.put(ObjectKind.VEHICLE_ORDER, orders);
            objects.put(ObjectKind.ANY_OBJECT, orders);
            // The pending approval first (of the order awaiting approval), then a decided one.
            objects.put(ObjectKind.APPROVAL, List.of("approval-" + orders.get(1), "approval-" + orders.get(0)));
            JsonNode client = step(admin, "RegisterIntegrationClient", Map.of("name", "隔离矩阵网关",
                    "scopes", List.of("TELEMETRY_WRITE"))).at("/registerIntegrationClient");
            objects.put(ObjectKind.INTEGRATION_CLIENT, List.of(client.at("/client/id").asText()));
            // Another vehicle of its own for the alert: the first one is on a started trip, which covers its movement.
            String wanderingVehicleId = step(admin, "RegisterVehicle", Map.of("plateNumber", "贵A·W" + prefix.length()
                            + prefix.charAt(0), "carClass", "SEDAN", "seats", 4, "energyType", "GASOLINE",
                    "purchasePriceFen", 15_000_000, "purchaseDate", "2024-01-02", "parkingSpot", Map.of(
                            "latitude", 26.6, "longitude", 106.7, "radiusMetres", 50)))
                    .at("/registerVehicle/vehicle/id").asText();
            objects.put(ObjectKind.ALERT_CASE, List.of(alertCase(client, wanderingVehicleId)));
            objects.put(ObjectKind.SUPPLIER, List.of(step(admin, "DesignateSupplier", Map.of("kind", "FUEL",
                    "name", "隔离矩阵加油站", "station", Map.of("latitude", 26.61, "longitude", 106.71)))
                    .at("/designateSupplier/supplier/id").asText()));
            // The id, not a sign-in: zunyi.property-staff belongs to the lockout test and must not sign in here.
            String propertyStaffId = "user-" + prefix + "-property-staff";
            objects.put(ObjectKind.PROPERTY_STAFF, List.of(propertyStaffId));
            // Someone of the bureau who takes no other part in the fixtures, by id like the property staff.
            objects.put(ObjectKind.PERSON, List.of("user-" + prefix + "-energy-manager"));
            objects.put(ObjectKind.SERVICE_REQUEST, serviceRequests(propertyStaffId));
            return objects;
        }

        /** The case of the fixture vehicle leaving its spot with no order, reported by the bureau's own gateway. */
        private String alertCase(JsonNode client, String vehicleId) {
            IntegrationMachine machine = new IntegrationMachine(baseUrl);
            String token = machine.requestToken(client.at("/client/id").asText(), client.get("secret").asText(),
                    "telemetry:write").accessToken();
            StringBuilder positions = new StringBuilder();
            Instant start = Instant.now().minusSeconds(300);
            for (int i = 0; i < 10; i++) {
                positions.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"vehicleId\":\"%s\",\"time\":\"%s\",\"latitude\":%.6f,\"longitude\":106.7,"
                                + "\"speedKmh\":30,\"accuracyMetres\":5}", vehicleId, start.plusSeconds(10L * i),
                        26.6 + 0.001 * i));
            }
            IntegrationMachine.Answer answer = machine.postJson("/integration/v1/telemetry/positions", token,
                    "{\"positions\":[" + positions + "]}");
            // One alert, or two if another test has since given the bureau a service area the car is outside of.
            if (answer.status() != 200 || answer.body().get("alertsRaised").asInt() < 1) {
                throw new IllegalStateException("fixture alert not raised: " + answer.body());
            }
            JsonNode[] found = new JsonNode[1];
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                found[0] = read(admin, "VehicleAlertCases", Map.of("first", 1)).at("/vehicleAlertCases/edges/0/node");
                return vehicleId.equals(found[0].at("/vehicle/id").asText());
            });
            return found[0].get("id").asText();
        }

        /**
         * A request waiting to be accepted and, where the bureau's property staff may sign in, one finished: the first
         * steps and the requester's steps each meet a request in the status they need.
         */
        private List<String> serviceRequests(String propertyStaffId) {
            List<String> requests = new ArrayList<>();
            requests.add(requestService());
            if (!RESERVED_LOGINS.contains(prefix + ".property-staff")) {
                GraphQlClient staff = Phones.of(baseUrl, prefix + ".property-staff");
                String finished = requestService();
                step(staff, "AcceptServiceRequest", Map.of("requestId", finished, "assigneeId", propertyStaffId));
                step(staff, "StartServiceWork", Map.of("requestId", finished));
                step(staff, "FinishServiceWork", Map.of("requestId", finished, "note", "隔离矩阵已处理"));
                requests.add(finished);
            }
            return requests;
        }

        private String requestService() {
            return step(clerk, "RequestPropertyService", Map.of("category", "REPAIR", "building", "隔离矩阵楼",
                    "room", "101", "description", "隔离矩阵的测试对象", "urgency", "NORMAL"))
                    .at("/requestPropertyService/request/id").asText();
        }

        /** Orders approved, awaiting approval, dispatched and in trip, in that order. */
        private List<String> orders(String vehicleId, String driverId) {
            List<String> orders = new ArrayList<>();
            String approved = placeOrder();
            approve(approved);
            orders.add(approved);
            orders.add(placeOrder());
            String dispatched = placeOrder();
            approve(dispatched);
            step(dispatcher, "DispatchVehicleOrder", Map.of("orderId", dispatched, "vehicleId", vehicleId,
                    "driverId", driverId));
            orders.add(dispatched);
            String inTrip = placeOrder();
            approve(inTrip);
            step(dispatcher, "DispatchVehicleOrder", Map.of("orderId", inTrip, "vehicleId", vehicleId,
                    "driverId", driverId));
            step(driver, "StartTrip", Map.of("orderId", inTrip, "odometerKm", 0));
            orders.add(inTrip);
            return orders;
        }

        /** Through the inbox, as approvals work; waits until the order follows its approval. */
        private void approve(String orderId) {
            String approvalId = "approval-" + orderId;
            step(approver, "DecideApproval", Map.of("approvalId", approvalId, "decision", "APPROVE"));
            await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(clerk.execute(
                    GraphQlClient.operation("VehicleOrder"), Map.of("id", orderId)).data()
                    .at("/vehicleOrder/status").asText()));
        }

        private String placeOrder() {
            Window window = nextWindow();
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("purpose", "隔离矩阵的测试对象");
            input.put("origin", "机关大院");
            input.put("destination", "省政务中心");
            input.put("plannedStart", window.start());
            input.put("plannedEnd", window.end());
            input.put("passengerCount", 1);
            String orderId = step(clerk, "OrderVehicle", input).at("/orderVehicle/order/id").asText();
            // Routed to its approvers by the approval process, beside the request: wait for it, so that the matrix
            // meets every approval in place and nothing of the fixtures' making is stored while it runs.
            await().atMost(Duration.ofSeconds(10)).until(() -> !clerk.execute(GraphQlClient.operation("Approval"),
                    Map.of("id", "approval-" + orderId)).data().path("approval").isNull());
            return orderId;
        }

        private static JsonNode step(GraphQlClient phone, String operation, Map<String, Object> fields) {
            Map<String, Object> input = new LinkedHashMap<>(fields);
            input.put("idempotencyKey", UUID.randomUUID().toString());
            return read(phone, operation, Map.of("input", input));
        }

        private static JsonNode read(GraphQlClient phone, String operation, Map<String, Object> variables) {
            GraphQlClient.Response response = phone.execute(GraphQlClient.operation(operation), variables);
            if (response.status() != 200 || response.hasErrors()) {
                throw new IllegalStateException("fixture step " + operation + " failed: " + response.status() + " "
                        + response.body());
            }
            return response.data();
        }

        /** Each order its own three-hour slot, so that fixtures never compete for a vehicle or driver. */
        private static Window nextWindow() {
            OffsetDateTime start = FIRST_SLOT.plusHours(3L * SLOTS.getAndIncrement());
            return new Window(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusHours(2)));
        }
    }

    private record Window(String start, String end) {
    }
}
