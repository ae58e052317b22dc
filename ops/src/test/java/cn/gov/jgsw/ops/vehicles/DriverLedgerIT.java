package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.freshWindow;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.send;
import static cn.gov.jgsw.ops.vehicles.VehicleOrderSteps.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drivers on the fleet ledger over HTTP with real tokens: a bureau admin registers a person of the bureau with the
 * licence seen and records a renewed one; a dispatch checks the licence's class against the car and its validity
 * against the trip. Runs in 云岩 with a person who is not one of the demo drivers, so other tests' dispatches stay as
 * they are.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriverLedgerIT extends PlatformIT {

    /** Registered by the first test (ordered first), or by whichever test runs alone. */
    private static final String PERSON = "user-yunyan-property-staff";
    private static final LocalDate TODAY = OffsetDateTime.now(ZoneOffset.ofHours(8)).toLocalDate();
    private static final AtomicInteger PLATES = new AtomicInteger();
    private static boolean registered;

    private GraphQlClient admin;
    private GraphQlClient dispatcher;

    @BeforeEach
    void signIn() {
        admin = Phones.of(baseUrl(), "yunyan.bureau-admin");
        dispatcher = Phones.of(baseUrl(), "yunyan.dispatcher");
    }

    private static JsonNode succeed(GraphQlClient phone, String operation, Map<String, Object> input) {
        GraphQlClient.Response response = send(phone, operation, input);
        assertThat(response.hasErrors()).as(operation + ": " + response.body()).isFalse();
        return response.data().elements().next().get("driver");
    }

    private synchronized void ensureRegistered() {
        if (!registered) {
            succeed(admin, "RegisterDriver", withKey("personId", PERSON, "licenceClass", "C1",
                    "licenceValidUntil", TODAY.plusYears(6).toString()));
            registered = true;
        }
    }

    @Test
    @Order(1)
    void anAdminRegistersADriverWithTheLicenceSeenAndARetryAnswersTheSame() {
        Map<String, Object> input = withKey("personId", PERSON, "licenceClass", "C1",
                "licenceValidUntil", TODAY.plusYears(6).toString());
        JsonNode driver = succeed(admin, "RegisterDriver", input);
        registered = true;
        assertThat(driver.get("id").asText()).isEqualTo(PERSON);
        assertThat(driver.get("licenceClass").asText()).isEqualTo("C1");
        assertThat(driver.get("licenceValidUntil").asText()).isEqualTo(TODAY.plusYears(6).toString());
        assertThat(driver.at("/person/displayName").asText()).contains("物业人员");
        long before = storedRecords();
        assertThat(succeed(admin, "RegisterDriver", input)).as("the same request again").isEqualTo(driver);
        assertThat(storedRecords()).isEqualTo(before);
        assertThat(dispatcher.execute(GraphQlClient.operation("FleetDrivers")).data().at("/fleetDrivers")
                .findValuesAsText("id")).contains(PERSON, "user-yunyan-driver", "user-yunyan-driver-2");
    }

    @Test
    void badRegistrationsAreRefusedWithACodeAndRecordNothing() {
        ensureRegistered();
        long before = storedRecords();
        assertThat(send(admin, "RegisterDriver", withKey("personId", PERSON, "licenceClass", "B1"))
                .firstErrorCode()).isEqualTo("DRIVER_ALREADY_REGISTERED");
        assertThat(send(admin, "RegisterDriver", withKey("personId", "user-yunyan-approver", "licenceClass", "C1",
                "licenceValidUntil", TODAY.minusDays(1).toString())).firstErrorCode())
                .isEqualTo("INVALID_DRIVER_LICENCE");
        assertThat(send(admin, "RegisterDriver", withKey("personId", "user-yunyan-approver", "licenceClass", "C1",
                "licenceValidUntil", TODAY.plusYears(31).toString())).firstErrorCode())
                .isEqualTo("INVALID_DRIVER_LICENCE");
        assertThat(send(admin, "RegisterDriver", withKey("personId", "user-zunyi-civil-servant",
                "licenceClass", "C1")).firstErrorCode()).as("a person of another bureau").isEqualTo("NOT_FOUND");
        assertThat(send(admin, "RecordDriverLicence", withKey("driverId", "user-zunyi-driver",
                "licenceClass", "C1")).firstErrorCode()).as("a driver of another bureau").isEqualTo("NOT_FOUND");
        assertThat(send(admin, "RegisterDriver", withKey("personId", "user-yunyan-approver", "licenceClass", "Z9"))
                .firstErrorCode()).isIn("INVALID_QUERY", "INVALID_INPUT");
        assertThat(send(dispatcher, "RegisterDriver", withKey("personId", "user-yunyan-approver",
                "licenceClass", "C1")).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(Phones.of(baseUrl(), "yunyan.civil-servant").execute(GraphQlClient.operation("FleetDrivers"))
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(storedRecords()).isEqualTo(before);
    }

    @Test
    void aDispatchChecksTheLicenceClassAndValidityAgainstTheCarAndTheTrip() {
        ensureRegistered();
        GraphQlClient clerk = Phones.of(baseUrl(), "yunyan.civil-servant");
        GraphQlClient approver = Phones.of(baseUrl(), "yunyan.approver");
        String minibus = registerMinibus();
        VehicleOrderSteps.Window window = freshWindow();
        String order = VehicleOrderSteps.approvedOrder(clerk, approver, window, 12);

        long before = storedRecords();
        assertThat(send(dispatcher, "DispatchVehicleOrder", withKey("orderId", order, "vehicleId", minibus, "driverId", PERSON)).firstErrorCode())
                .as("C1 for a 17-seat minibus").isEqualTo("DRIVER_NOT_LICENSED");
        assertThat(storedRecords()).as("a refused dispatch reserves nothing").isEqualTo(before);

        // B1 now, but valid only until tomorrow (today might be yesterday by the time it arrives): the trip ends
        // after it.
        JsonNode renewed = succeed(admin, "RecordDriverLicence", withKey("driverId", PERSON, "licenceClass", "B1",
                "licenceValidUntil", TODAY.plusDays(1).toString()));
        assertThat(renewed.get("licenceClass").asText()).isEqualTo("B1");
        assertThat(send(dispatcher, "DispatchVehicleOrder", withKey("orderId", order, "vehicleId", minibus, "driverId", PERSON)).firstErrorCode())
                .isEqualTo("DRIVER_LICENCE_EXPIRED");

        JsonNode withoutEnd = succeed(admin, "RecordDriverLicence", withKey("driverId", PERSON,
                "licenceClass", "B1"));
        assertThat(withoutEnd.get("licenceValidUntil").isNull()).as("长期").isTrue();
        assertThat(VehicleOrderSteps.succeed(dispatcher, "DispatchVehicleOrder", withKey("orderId", order, "vehicleId", minibus, "driverId", PERSON))
                .get("status").asText()).isEqualTo("DISPATCHED");
    }

    private String registerMinibus() {
        Map<String, Object> input = withKey("plateNumber", "贵A·D" + String.format("%04d", PLATES.incrementAndGet()),
                "carClass", "MINIBUS", "seats", 17, "energyType", "DIESEL", "purchasePriceFen", 32_000_000,
                "purchaseDate", "2025-06-18", "parkingSpot", Map.of("latitude", 26.5840, "longitude", 106.7127,
                        "radiusMetres", 50));
        GraphQlClient.Response response = send(admin, "RegisterVehicle", input);
        assertThat(response.hasErrors()).as(String.valueOf(response.body())).isFalse();
        return response.data().at("/registerVehicle/vehicle/id").asText();
    }
}
