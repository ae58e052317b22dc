package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrderQuery;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrdersQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderList;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderPage;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The vehicle-order view, handler by handler, over the real driver and an in-memory MongoDB-wire server. */
class VehicleOrderProjectionTest {

    private static final String NANMING = "bureau-nanming";
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private VehicleOrderProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new VehicleOrderProjection(client.getDatabase("test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void place(String orderId, String tenantId, String requester, int minutesAfterT0, int startHour) {
        projection.on(new VehicleOrderedEvent(orderId, tenantId, requester, "unit", "会议", "甲", "乙",
                new TimeWindow(T0.plusSeconds(startHour * 3600L), T0.plusSeconds(startHour * 3600L + 7200)), 2,
                CarClass.SEDAN, T0.plusSeconds(minutesAfterT0 * 60L)), 0);
    }

    @Test
    void theWholeLifecycleEndsCompletedWithTheTripSlip() {
        place("o1", NANMING, "clerk", 0, 1);
        projection.on(new VehicleOrderApprovedEvent("o1", NANMING, "approver", "同意"), 1);
        projection.on(new VehicleOrderDispatchedEvent("o1", NANMING, "dispatcher", "v1", "d1",
                new TimeWindow(T0, T0.plusSeconds(7200))), 2);
        projection.on(new TripStartedEvent("o1", NANMING, "d1", 100, T0), 3);
        projection.on(new TripEndedEvent("o1", NANMING, "d1", 142, 42, new BigDecimal("5.50"), 1500, T0.plusSeconds(3600)), 4);
        projection.on(new VehicleOrderCompletedEvent("o1", NANMING), 5);

        VehicleOrderView order = projection.handle(new FindVehicleOrderQuery(NANMING, "o1")).orElseThrow();
        assertThat(order.status()).isEqualTo(VehicleOrderStatus.COMPLETED);
        assertThat(order.decidedBy()).isEqualTo("approver");
        assertThat(order.vehicleId()).isEqualTo("v1");
        assertThat(order.trip().distanceKm()).isEqualTo(42);
        assertThat(order.trip().fuelLitres()).isEqualTo("5.50");
        assertThat(order.version()).isEqualTo(5);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        place("o1", NANMING, "clerk", 0, 1);
        projection.on(new VehicleOrderApprovedEvent("o1", NANMING, "approver", null), 1);
        place("o1", NANMING, "clerk", 0, 1);
        projection.on(new VehicleOrderApprovedEvent("o1", NANMING, "someone-else", null), 1);

        VehicleOrderView order = projection.handle(new FindVehicleOrderQuery(NANMING, "o1")).orElseThrow();
        assertThat(order.status()).isEqualTo(VehicleOrderStatus.APPROVED);
        assertThat(order.decidedBy()).isEqualTo("approver");
    }

    @Test
    void anotherBureauFindsNothing() {
        place("o1", NANMING, "clerk", 0, 1);
        assertThat(projection.handle(new FindVehicleOrderQuery("bureau-yunyan", "o1"))).isEmpty();
    }

    @Test
    void myOrdersArePagedNewestFirstWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            place("o" + i, NANMING, "clerk", i, 1);
        }
        place("other", NANMING, "someone-else", 10, 1);
        place("foreign", "bureau-yunyan", "clerk", 11, 1);

        VehicleOrderPage first = projection.handle(
                new FindVehicleOrdersQuery(NANMING, VehicleOrderList.PLACED_BY, "clerk", null, 2));
        VehicleOrderPage second = projection.handle(new FindVehicleOrdersQuery(NANMING, VehicleOrderList.PLACED_BY,
                "clerk", first.orders().get(1).position(VehicleOrderList.PLACED_BY), 2));
        VehicleOrderPage third = projection.handle(new FindVehicleOrdersQuery(NANMING, VehicleOrderList.PLACED_BY,
                "clerk", second.orders().get(1).position(VehicleOrderList.PLACED_BY), 2));

        assertThat(ids(first)).containsExactly("o4", "o3");
        assertThat(ids(second)).containsExactly("o2", "o1");
        assertThat(ids(third)).containsExactly("o0");
        assertThat(first.hasMore()).isTrue();
        assertThat(third.hasMore()).isFalse();
    }

    @Test
    void ordersPlacedAtTheSameMomentArePagedByIdWithoutGapsOrRepeats() {
        for (String id : List.of("c", "a", "d", "b")) {
            place(id, NANMING, "clerk", 7, 1);
        }

        VehicleOrderPage first = projection.handle(
                new FindVehicleOrdersQuery(NANMING, VehicleOrderList.PLACED_BY, "clerk", null, 3));
        VehicleOrderPage rest = projection.handle(new FindVehicleOrdersQuery(NANMING, VehicleOrderList.PLACED_BY,
                "clerk", first.orders().get(2).position(VehicleOrderList.PLACED_BY), 3));

        assertThat(ids(first)).containsExactly("d", "c", "b");
        assertThat(ids(rest)).containsExactly("a");
    }

    @Test
    void theDispatchQueueHoldsOnlyApprovedOrdersEarliestStartFirst() {
        place("late", NANMING, "clerk", 0, 9);
        place("early", NANMING, "clerk", 1, 2);
        place("waiting", NANMING, "clerk", 2, 1);
        projection.on(new VehicleOrderApprovedEvent("late", NANMING, "approver", null), 1);
        projection.on(new VehicleOrderApprovedEvent("early", NANMING, "approver", null), 1);

        VehicleOrderPage approved = projection.handle(
                new FindVehicleOrdersQuery(NANMING, VehicleOrderList.APPROVED, null, null, 10));

        assertThat(ids(approved)).containsExactly("early", "late");
    }

    @Test
    void aDriversAssignmentsAreTheOpenTripsAssignedToThem() {
        place("o1", NANMING, "clerk", 0, 1);
        projection.on(new VehicleOrderApprovedEvent("o1", NANMING, "approver", null), 1);
        projection.on(new VehicleOrderDispatchedEvent("o1", NANMING, "dispatcher", "v1", "d1",
                new TimeWindow(T0, T0.plusSeconds(7200))), 2);
        place("o2", NANMING, "clerk", 1, 2);

        assertThat(ids(projection.handle(new FindVehicleOrdersQuery(NANMING, VehicleOrderList.ASSIGNED_TO, "d1", null, 10))))
                .containsExactly("o1");
        assertThat(projection.handle(new FindVehicleOrdersQuery(NANMING, VehicleOrderList.ASSIGNED_TO, "d2", null, 10))
                .orders()).isEmpty();
    }

    private static List<String> ids(VehicleOrderPage page) {
        return page.orders().stream().map(VehicleOrderView::id).toList();
    }
}
