package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.domain.vehicles.api.DesignateSupplierCommand;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignatedEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierDesignationWithdrawnEvent;
import cn.gov.jgsw.domain.vehicles.api.SupplierKind;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;
import cn.gov.jgsw.domain.vehicles.api.WithdrawSupplierDesignationCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

/** Designated suppliers (定点供应商): designation, its checks, withdrawal. */
class DesignatedSupplierTest {

    static final String NANMING = "bureau-nanming";
    static final GeoPoint STATION = new GeoPoint(26.5800, 106.7100);

    private AggregateTestFixture<DesignatedSupplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DesignatedSupplier.class);
    }

    static SupplierDesignatedEvent designated() {
        return new SupplierDesignatedEvent("s1", NANMING, SupplierKind.FUEL, "中石化南明加油站", STATION);
    }

    @Test
    void aFuelSupplierIsDesignatedWithItsStationAndARetryRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new DesignateSupplierCommand("s1", NANMING, SupplierKind.FUEL, " 中石化南明加油站 ", STATION))
                .expectEvents(designated());
        fixture.given(designated())
                .when(new DesignateSupplierCommand("s1", NANMING, SupplierKind.FUEL, "中石化南明加油站", STATION))
                .expectNoEvents().expectResultMessagePayload(0L);
    }

    @Test
    void aRepairShopNeedsNoPlace() {
        fixture.givenNoPriorActivity()
                .when(new DesignateSupplierCommand("s2", NANMING, SupplierKind.REPAIR, "南明汽修厂", null))
                .expectEvents(new SupplierDesignatedEvent("s2", NANMING, SupplierKind.REPAIR, "南明汽修厂", null));
    }

    @Test
    void invalidDesignationsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new DesignateSupplierCommand("s1", NANMING, SupplierKind.FUEL, "无站点", null))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_SUPPLIER));
        fixture.givenNoPriorActivity()
                .when(new DesignateSupplierCommand("s1", NANMING, SupplierKind.FUEL, "零点", new GeoPoint(0, 0)))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_SUPPLIER));
        fixture.givenNoPriorActivity()
                .when(new DesignateSupplierCommand("s1", NANMING, null, "无类别", STATION))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_SUPPLIER));
        fixture.givenNoPriorActivity()
                .when(new DesignateSupplierCommand("s1", NANMING, SupplierKind.FUEL, "站".repeat(101), STATION))
                .expectNoEvents().expectException(refusedWith(VehicleErrorCode.INVALID_SUPPLIER));
    }

    @Test
    void aWithdrawalNeedsAReasonAndHappensOnce() {
        fixture.given(designated())
                .when(new WithdrawSupplierDesignationCommand("s1", NANMING, " "))
                .expectNoEvents().expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(designated())
                .when(new WithdrawSupplierDesignationCommand("s1", NANMING, "协议到期"))
                .expectEvents(new SupplierDesignationWithdrawnEvent("s1", NANMING, "协议到期"));
        fixture.given(designated(), new SupplierDesignationWithdrawnEvent("s1", NANMING, "协议到期"))
                .when(new WithdrawSupplierDesignationCommand("s1", NANMING, "再次"))
                .expectNoEvents();
    }

    @Test
    void anotherBureauCannotWithdrawIt() {
        fixture.given(designated())
                .when(new WithdrawSupplierDesignationCommand("s1", "bureau-yunyan", "协议到期"))
                .expectNoEvents().expectException(ObjectNotFoundException.class);
    }
}
