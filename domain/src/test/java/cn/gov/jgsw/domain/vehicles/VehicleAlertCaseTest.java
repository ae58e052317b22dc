package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.AlertDisposition;
import cn.gov.jgsw.domain.vehicles.api.DisposeVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.RaiseVehicleAlertCommand;
import cn.gov.jgsw.domain.vehicles.api.VehicleAlertDisposedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleAlertRaisedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

class VehicleAlertCaseTest {

    private static final String CASE = "alert-v1-PARKING_DEPARTURE-1";
    private static final String NANMING = "bureau-nanming";
    private static final List<PositionFix> FIXES = List.of(
            new PositionFix(Instant.parse("2026-12-01T02:00:00Z"), new GeoPoint(26.571, 106.7148), 30.0, 5),
            new PositionFix(Instant.parse("2026-12-01T02:00:10Z"), new GeoPoint(26.572, 106.7148), 30.0, 12));

    private final AggregateTestFixture<VehicleAlertCase> fixture = new AggregateTestFixture<>(VehicleAlertCase.class);

    private static VehicleAlertRaisedEvent raised() {
        return new VehicleAlertRaisedEvent(CASE, NANMING, "v1", VehicleRule.PARKING_DEPARTURE, 1, FIXES, 12,
                "连续 2 个定位点");
    }

    @Test
    void anAlertOpensItsCaseOnceHoweverOftenItIsRaised() {
        RaiseVehicleAlertCommand raise = new RaiseVehicleAlertCommand(CASE, NANMING, "v1",
                VehicleRule.PARKING_DEPARTURE, 1, FIXES, "连续 2 个定位点");
        fixture.givenNoPriorActivity().when(raise).expectEvents(raised());
        fixture.given(raised()).when(raise).expectNoEvents().expectResultMessagePayload(0L);
    }

    @Test
    void anAdminDisposesOfACaseOnceWithAReason() {
        fixture.given(raised())
                .when(new DisposeVehicleAlertCommand(CASE, NANMING, "user-admin", AlertDisposition.JUSTIFIED,
                        " 抢险救灾临时用车，已补办手续 "))
                .expectEvents(new VehicleAlertDisposedEvent(CASE, NANMING, "user-admin", AlertDisposition.JUSTIFIED,
                        "抢险救灾临时用车，已补办手续"));
        fixture.given(raised())
                .when(new DisposeVehicleAlertCommand(CASE, NANMING, "user-admin", AlertDisposition.FALSE_ALARM, " "))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(raised(), new VehicleAlertDisposedEvent(CASE, NANMING, "user-admin",
                        AlertDisposition.FALSE_ALARM, "终端故障"))
                .when(new DisposeVehicleAlertCommand(CASE, NANMING, "user-admin", AlertDisposition.CONFIRMED_MISUSE,
                        "改判"))
                .expectNoEvents()
                .expectException(refusedWith(VehicleErrorCode.ALERT_CASE_CLOSED));
        fixture.given(raised())
                .when(new DisposeVehicleAlertCommand(CASE, "bureau-yunyan", "user-admin",
                        AlertDisposition.FALSE_ALARM, "终端故障"))
                .expectNoEvents()
                .expectException(ObjectNotFoundException.class);
    }
}
