package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.ApproveVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CancelVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.DispatchVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.EndTripCommand;
import cn.gov.jgsw.domain.vehicles.api.OrderVehicleCommand;
import cn.gov.jgsw.domain.vehicles.api.RejectVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.ResubmitVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.StartTripCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderRejectedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovalIds;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderResubmittedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderReturnedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

/** Every transition and every refusal of the vehicle order lifecycle. */
class VehicleOrderTest {

    static final String ORDER = "order-1";
    static final String NANMING = "bureau-nanming";
    static final String CLERK = "user-clerk";
    static final String APPROVER = "user-approver";
    static final String DISPATCHER = "user-dispatcher";
    static final String DRIVER = "user-driver";
    static final String VEHICLE = "vehicle-1";
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(NOW.plusSeconds(3600), NOW.plusSeconds(3 * 3600));

    private AggregateTestFixture<VehicleOrder> fixture;

    /**
     * Dispatch and end of trip are handled by {@link VehicleDispatching} together with the vehicle and driver; here
     * only the order's part runs, through the same package-private methods.
     */
    static final class OrderPartOfDispatching {
        private final Repository<VehicleOrder> orders;

        OrderPartOfDispatching(Repository<VehicleOrder> orders) {
            this.orders = orders;
        }

        @CommandHandler
        long handle(DispatchVehicleOrderCommand command,
                    @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String key) {
            Aggregate<VehicleOrder> order = orders.load(command.orderId());
            if (order.invoke(o -> o.requireDispatchable(command.tenantId(), key))) {
                order.execute(o -> o.dispatch(command.dispatcherId(), command.vehicleId(), command.driverId()));
            }
            return order.version();
        }

        @CommandHandler
        long handle(EndTripCommand command, @MetaDataValue(AuditMetadataKeys.IDEMPOTENCY_KEY) String key) {
            Aggregate<VehicleOrder> order = orders.load(command.orderId());
            order.invoke(o -> o.endTrip(command, key));
            return order.version();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VehicleOrder.class);
        fixture.registerAnnotatedCommandHandler(new OrderPartOfDispatching(fixture.getRepository()));
    }

    static OrderVehicleCommand order(TimeWindow window, int passengers, String purpose) {
        return new OrderVehicleCommand(ORDER, NANMING, CLERK, "unit-office", purpose, "区政府", "省机关事务管理局",
                window, passengers, CarClass.SEDAN, NOW);
    }

    static VehicleOrderedEvent ordered() {
        return new VehicleOrderedEvent(ORDER, NANMING, CLERK, "unit-office", "参加会议", "区政府", "省机关事务管理局",
                WINDOW, 3, CarClass.SEDAN, NOW);
    }

    static VehicleOrderApprovedEvent approved() {
        return new VehicleOrderApprovedEvent(ORDER, NANMING, APPROVER, null);
    }

    static VehicleOrderDispatchedEvent dispatched() {
        return new VehicleOrderDispatchedEvent(ORDER, NANMING, DISPATCHER, VEHICLE, DRIVER, WINDOW);
    }

    static TripStartedEvent started() {
        return new TripStartedEvent(ORDER, NANMING, DRIVER, 12000, NOW.plusSeconds(3700));
    }

    // placing

    @Test
    void placingAnOrderAwaitsApproval() {
        fixture.givenNoPriorActivity()
                .when(order(WINDOW, 3, " 参加会议 "))
                .expectEvents(ordered())
                .expectResultMessagePayload(0L);
    }

    // the same request twice (its first outcome was unknown to the phone, ADR 0002)

    @Test
    void placingTheSameRequestAgainCreatesNothingAndAnswersTheOrder() {
        fixture.given(withKey(ordered(), "k1"))
                .when(order(WINDOW, 3, "参加会议"), Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k1"))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anotherRequestForAnExistingOrderIdIsRefused() {
        fixture.given(withKey(ordered(), "k1"))
                .when(order(WINDOW, 3, "参加会议"), Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k2"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void approvingAgainWithTheSameRequestAnswersWithoutANewEvent() {
        fixture.given(withKey(ordered(), "k1"), withKey(approved(), "k2"))
                .when(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null),
                        Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k2"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void dispatchingAgainWithTheSameRequestAnswersWithoutANewEvent() {
        fixture.given(withKey(ordered(), "k1"), withKey(approved(), "k2"), withKey(dispatched(), "k3"))
                .when(new DispatchVehicleOrderCommand(ORDER, NANMING, DISPATCHER, VEHICLE, DRIVER),
                        Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k3"))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void theSameRequestAgainIsStillRefusedForAnotherBureau() {
        fixture.given(withKey(ordered(), "k1"), withKey(approved(), "k2"))
                .when(new ApproveVehicleOrderCommand(ORDER, "bureau-yunyan", APPROVER, null),
                        Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k2"))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    static EventMessage<?> withKey(Object event, String key) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, key));
    }

    @Test
    void anEmptyPurposeIsRefused() {
        fixture.givenNoPriorActivity().when(order(WINDOW, 3, "  "))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TEXT));
    }

    @Test
    void aPurposeLongerThan200CharactersIsRefused() {
        fixture.givenNoPriorActivity().when(order(WINDOW, 3, "会".repeat(201)))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TEXT));
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        fixture.givenNoPriorActivity().when(order(new TimeWindow(WINDOW.end(), WINDOW.start()), 3, "会议"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.END_BEFORE_START));
    }

    @Test
    void aStartInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(order(new TimeWindow(NOW.minusSeconds(3600), NOW.plusSeconds(3600)), 3, "会议"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.PLANNED_START_IN_PAST));
    }

    @Test
    void aWindowOfMoreThanAWeekIsRefused() {
        fixture.givenNoPriorActivity()
                .when(order(new TimeWindow(WINDOW.start(), WINDOW.start().plusSeconds(8 * 86400)), 3, "会议"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.WINDOW_TOO_LONG));
    }

    @Test
    void anEmptyOriginOrAnOverlongDestinationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OrderVehicleCommand(ORDER, NANMING, CLERK, "unit", "会议", " ", "乙", WINDOW, 1, null, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TEXT));
        fixture.givenNoPriorActivity()
                .when(new OrderVehicleCommand(ORDER, NANMING, CLERK, "unit", "会议", "甲", "乙".repeat(101), WINDOW, 1,
                        null, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TEXT));
    }

    @Test
    void aStartWithinTheGraceOfFiveMinutesIsAccepted() {
        TimeWindow justStarted = new TimeWindow(NOW.minusSeconds(299), NOW.plusSeconds(3600));
        fixture.givenNoPriorActivity()
                .when(order(justStarted, 1, "会议"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void moreThanFiftyPassengersAreRefused() {
        fixture.givenNoPriorActivity().when(order(WINDOW, 51, "会议"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_PASSENGER_COUNT));
    }

    @Test
    void zeroPassengersAreRefused() {
        fixture.givenNoPriorActivity().when(order(WINDOW, 0, "会议"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_PASSENGER_COUNT));
    }

    // cancelling

    @Test
    void theRequesterCancelsBeforeApproval() {
        fixture.given(ordered())
                .when(new CancelVehicleOrderCommand(ORDER, NANMING, CLERK, "会议取消"))
                .expectEvents(new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, "会议取消",
                        VehicleOrderApprovalIds.of(ORDER, 1)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theRequesterCancelsAnApprovedOrder() {
        fixture.given(ordered(), approved())
                .when(new CancelVehicleOrderCommand(ORDER, NANMING, CLERK, null))
                .expectEvents(new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, null, null));
    }

    @Test
    void cancellingAfterDispatchIsRefused() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new CancelVehicleOrderCommand(ORDER, NANMING, CLERK, null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void someoneElseCannotCancel() {
        fixture.given(ordered())
                .when(new CancelVehicleOrderCommand(ORDER, NANMING, APPROVER, null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.NOT_THE_REQUESTER));
    }

    @Test
    void anotherBureauCannotCancelAndFindsNothing() {
        fixture.given(ordered())
                .when(new CancelVehicleOrderCommand(ORDER, "bureau-yunyan", CLERK, null))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    // approving and rejecting

    @Test
    void anApproverApproves() {
        fixture.given(ordered())
                .when(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, " 同意 "))
                .expectEvents(new VehicleOrderApprovedEvent(ORDER, NANMING, APPROVER, "同意"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void approvingTwiceIsRefused() {
        fixture.given(ordered(), approved())
                .when(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void approvingACancelledOrderIsRefused() {
        fixture.given(ordered(), new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, null,
                        VehicleOrderApprovalIds.of(ORDER, 1)))
                .when(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void approvingOnesOwnOrderIsRefused() {
        fixture.given(ordered())
                .when(new ApproveVehicleOrderCommand(ORDER, NANMING, CLERK, null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.SELF_APPROVAL));
    }

    @Test
    void anotherBureauCannotApproveAndFindsNothing() {
        fixture.given(ordered())
                .when(new ApproveVehicleOrderCommand(ORDER, "bureau-yunyan", APPROVER, null))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    @Test
    void anApproverRejectsWithAReason() {
        fixture.given(ordered())
                .when(new RejectVehicleOrderCommand(ORDER, NANMING, APPROVER, "请乘坐公共交通"))
                .expectEvents(new VehicleOrderRejectedEvent(ORDER, NANMING, APPROVER, "请乘坐公共交通"));
    }

    @Test
    void rejectingWithoutAReasonIsRefused() {
        fixture.given(ordered())
                .when(new RejectVehicleOrderCommand(ORDER, NANMING, APPROVER, " "))
                .expectNoEvents().expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
    }

    @Test
    void anOverlongRejectionReasonIsRefused() {
        fixture.given(ordered())
                .when(new RejectVehicleOrderCommand(ORDER, NANMING, APPROVER, "否".repeat(201)))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TEXT));
    }

    @Test
    void rejectingAnApprovedOrderIsRefused() {
        fixture.given(ordered(), approved())
                .when(new RejectVehicleOrderCommand(ORDER, NANMING, APPROVER, "晚了"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void rejectingOnesOwnOrderIsRefused() {
        fixture.given(ordered())
                .when(new RejectVehicleOrderCommand(ORDER, NANMING, CLERK, "不去了"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.SELF_APPROVAL));
    }

    // returned for changes, and sent again

    static VehicleOrderReturnedEvent returned() {
        return new VehicleOrderReturnedEvent(ORDER, NANMING, APPROVER, "请改为下午出发");
    }

    static ResubmitVehicleOrderCommand resubmit(String requester, TimeWindow window, int passengers) {
        return new ResubmitVehicleOrderCommand(ORDER, NANMING, requester, " 参加会议（下午） ", "区政府",
                "省机关事务管理局", window, passengers, CarClass.SEDAN, NOW.plusSeconds(600));
    }

    @Test
    void theRequesterChangesAReturnedOrderAndSendsItAgain() {
        TimeWindow afternoon = new TimeWindow(NOW.plusSeconds(5 * 3600), NOW.plusSeconds(7 * 3600));
        VehicleOrderResubmittedEvent resubmitted = new VehicleOrderResubmittedEvent(ORDER, NANMING, CLERK, 2,
                "参加会议（下午）", "区政府", "省机关事务管理局", afternoon, 2, CarClass.SEDAN, NOW.plusSeconds(600));
        fixture.given(ordered(), returned())
                .when(resubmit(CLERK, afternoon, 2))
                .expectEvents(resubmitted);
        fixture.given(ordered(), returned(), resubmitted)
                .when(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null))
                .expectEvents(new VehicleOrderApprovedEvent(ORDER, NANMING, APPROVER, null));
        // The approval withdrawn with the order is the second submission's.
        fixture.given(ordered(), returned(), resubmitted)
                .when(new CancelVehicleOrderCommand(ORDER, NANMING, CLERK, null))
                .expectEvents(new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, null,
                        VehicleOrderApprovalIds.of(ORDER, 2)));
        fixture.given(ordered(), returned(), resubmitted, returned())
                .when(resubmit(CLERK, afternoon, 2))
                .expectEvents(new VehicleOrderResubmittedEvent(ORDER, NANMING, CLERK, 3, "参加会议（下午）", "区政府",
                        "省机关事务管理局", afternoon, 2, CarClass.SEDAN, NOW.plusSeconds(600)));
    }

    @Test
    void onlyTheRequesterResubmitsOnlyAReturnedOrderAndOnlyAValidOne() {
        fixture.given(ordered(), returned())
                .when(resubmit(APPROVER, WINDOW, 3))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.NOT_THE_REQUESTER));
        fixture.given(ordered())
                .when(resubmit(CLERK, WINDOW, 3))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
        fixture.given(ordered(), returned())
                .when(resubmit(CLERK, WINDOW, 0))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.INVALID_PASSENGER_COUNT));
        fixture.given(ordered(), returned())
                .when(resubmit(CLERK, new TimeWindow(NOW.minusSeconds(3600), NOW), 3))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.PLANNED_START_IN_PAST));
        fixture.given(ordered(), returned())
                .when(new ResubmitVehicleOrderCommand(ORDER, "bureau-yunyan", CLERK, "参加会议", "区政府",
                        "省机关事务管理局", WINDOW, 3, CarClass.SEDAN, NOW))
                .expectNoEvents()
                .expectException(ObjectNotFoundException.class);
    }

    // dispatching

    @Test
    void anApprovedOrderIsDispatched() {
        fixture.given(ordered(), approved())
                .when(new DispatchVehicleOrderCommand(ORDER, NANMING, DISPATCHER, VEHICLE, DRIVER))
                .expectEvents(dispatched())
                .expectResultMessagePayload(2L);
    }

    @Test
    void dispatchingAnOrderAwaitingApprovalIsRefused() {
        fixture.given(ordered())
                .when(new DispatchVehicleOrderCommand(ORDER, NANMING, DISPATCHER, VEHICLE, DRIVER))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void dispatchingARejectedOrderIsRefused() {
        fixture.given(ordered(), new VehicleOrderRejectedEvent(ORDER, NANMING, APPROVER, "否"))
                .when(new DispatchVehicleOrderCommand(ORDER, NANMING, DISPATCHER, VEHICLE, DRIVER))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void dispatchingTwiceIsRefused() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new DispatchVehicleOrderCommand(ORDER, NANMING, DISPATCHER, VEHICLE, DRIVER))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void anotherBureauCannotDispatchAndFindsNothing() {
        fixture.given(ordered(), approved())
                .when(new DispatchVehicleOrderCommand(ORDER, "bureau-yunyan", DISPATCHER, VEHICLE, DRIVER))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    // the trip

    @Test
    void theAssignedDriverStartsTheTrip() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new StartTripCommand(ORDER, NANMING, DRIVER, 12000, NOW.plusSeconds(3700)))
                .expectEvents(started())
                .expectResultMessagePayload(3L);
    }

    @Test
    void anotherDriverCannotStartTheTrip() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new StartTripCommand(ORDER, NANMING, "user-other-driver", 12000, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.NOT_THE_ASSIGNED_DRIVER));
    }

    @Test
    void startingBeforeDispatchIsRefused() {
        fixture.given(ordered(), approved())
                .when(new StartTripCommand(ORDER, NANMING, DRIVER, 12000, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void startingTwiceIsRefused() {
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new StartTripCommand(ORDER, NANMING, DRIVER, 12000, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void aNegativeOdometerIsRefused() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new StartTripCommand(ORDER, NANMING, DRIVER, -1, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ODOMETER));
    }

    @Test
    void endingTheTripRecordsTheSlipAndCompletesTheOrder() {
        Instant ended = NOW.plusSeconds(9000);
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, NANMING, DRIVER, 12042, new BigDecimal("5.5"), 1500, ended))
                .expectEvents(new TripEndedEvent(ORDER, NANMING, DRIVER, 12042, 42, new BigDecimal("5.50"), 1500, ended),
                        new VehicleOrderCompletedEvent(ORDER, NANMING))
                .expectResultMessagePayload(5L);
    }

    @Test
    void endingBelowTheStartOdometerIsRefused() {
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, NANMING, DRIVER, 11999, BigDecimal.ONE, 0, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ODOMETER));
    }

    @Test
    void negativeFuelOrTollsAreRefused() {
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, NANMING, DRIVER, 12042, new BigDecimal("-1"), 0, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_TRIP_COST));
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, NANMING, DRIVER, 12042, BigDecimal.ONE, -100, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_TRIP_COST));
    }

    @Test
    void endingATripNotStartedIsRefused() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new EndTripCommand(ORDER, NANMING, DRIVER, 12042, BigDecimal.ONE, 0, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }

    @Test
    void anotherBureauCannotStartOrEndTheTripAndFindsNothing() {
        fixture.given(ordered(), approved(), dispatched())
                .when(new StartTripCommand(ORDER, "bureau-yunyan", DRIVER, 1, NOW))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, "bureau-yunyan", DRIVER, 12042, BigDecimal.ONE, 0, NOW))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    @Test
    void missingFuelIsRefused() {
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, NANMING, DRIVER, 12042, null, 0, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_TRIP_COST));
    }

    @Test
    void anotherDriverCannotEndTheTrip() {
        fixture.given(ordered(), approved(), dispatched(), started())
                .when(new EndTripCommand(ORDER, NANMING, "user-other-driver", 12042, BigDecimal.ONE, 0, NOW))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.NOT_THE_ASSIGNED_DRIVER));
    }

    @Test
    void aCompletedOrderCannotBeCancelled() {
        fixture.given(ordered(), approved(), dispatched(), started(),
                        new TripEndedEvent(ORDER, NANMING, DRIVER, 12042, 42, BigDecimal.ONE, 0, NOW),
                        new VehicleOrderCompletedEvent(ORDER, NANMING))
                .when(new CancelVehicleOrderCommand(ORDER, NANMING, CLERK, null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
    }
}
