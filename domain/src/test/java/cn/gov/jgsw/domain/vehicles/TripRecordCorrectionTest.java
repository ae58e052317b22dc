package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.CorrectTripRecordCommand;
import cn.gov.jgsw.domain.vehicles.api.TripEndedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripRecordCorrectedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.DRIVER;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.NANMING;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.NOW;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.ORDER;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.approved;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.dispatched;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.ordered;
import static cn.gov.jgsw.domain.vehicles.VehicleOrderTest.started;

/** Corrections of a completed trip's record: a new event with a reason, pointing at the record it corrects. */
class TripRecordCorrectionTest {

    static final String ADMIN = "user-admin";

    private AggregateTestFixture<VehicleOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VehicleOrder.class);
    }


    static TripEndedEvent ended() {
        return new TripEndedEvent(ORDER, NANMING, DRIVER, 12_300, 300, new BigDecimal("20.00"), 1500,
                NOW.plusSeconds(9000));
    }

    static CorrectTripRecordCommand correction(long correctedSequence, long odometer, String reason) {
        return new CorrectTripRecordCommand(ORDER, NANMING, ADMIN, correctedSequence, odometer, new BigDecimal("18.5"),
                1500, reason);
    }

    private Object[] completedTrip() {
        return new Object[]{ordered(), approved(), dispatched(), started(), ended(),
                new VehicleOrderCompletedEvent(ORDER, NANMING)};
    }

    @Test
    void aCorrectionReplacesTheFiguresWithAReason() {
        fixture.given(completedTrip())
                .when(correction(4, 12_030, " 里程表读数录入多打一位 "))
                .expectEvents(new TripRecordCorrectedEvent(ORDER, NANMING, ADMIN, 4, 12_030, 30,
                        new BigDecimal("18.50"), 1500, "里程表读数录入多打一位"));
    }

    @Test
    void aCorrectionPointsAtTheCurrentRecordOnly() {
        fixture.given(completedTrip())
                .when(correction(3, 12_030, "更正"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.CORRECTION_NOT_CURRENT));
        Object[] corrected = new Object[]{ordered(), approved(), dispatched(), started(), ended(),
                new VehicleOrderCompletedEvent(ORDER, NANMING), new TripRecordCorrectedEvent(ORDER,
                NANMING, ADMIN, 4, 12_030, 30, new BigDecimal("18.50"), 1500, "更正")};
        fixture.given(corrected)
                .when(correction(4, 12_040, "再次更正"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.CORRECTION_NOT_CURRENT));
        fixture.given(corrected)
                .when(correction(6, 12_040, "再次更正"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCorrectionNeedsAReasonPossibleFiguresAndACompletedTrip() {
        fixture.given(completedTrip()).when(correction(4, 12_030, " "))
                .expectNoEvents().expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(completedTrip()).when(correction(4, 11_000, "更正"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ODOMETER));
        fixture.given(ordered(), approved(), dispatched(), started()).when(correction(4, 12_030, "更正"))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_ORDER_TRANSITION));
        fixture.given(completedTrip())
                .when(new CorrectTripRecordCommand(ORDER, "bureau-yunyan", ADMIN, 4, 12_030, BigDecimal.ONE, 0,
                        "更正"))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }

    @Test
    void theSameRequestAgainAnswersWithoutANewEvent() {
        Object[] events = completedTrip();
        Object[] withCorrection = Arrays.copyOf(events, events.length + 1);
        withCorrection[events.length] = VehicleOrderTest.withKey(new TripRecordCorrectedEvent(ORDER, NANMING, ADMIN,
                4, 12_030, 30, new BigDecimal("18.50"), 1500, "更正"), "k9");
        fixture.given(withCorrection)
                .when(correction(4, 12_030, "更正"), Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k9"))
                .expectNoEvents();
    }
}
