package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.FenceRules.Outcome;
import cn.gov.jgsw.domain.vehicles.api.FenceRules.VehicleContext;
import cn.gov.jgsw.domain.vehicles.api.FenceRules.Watch;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.ServiceArea;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fence rule against generated tracks: a car driving away from its spot, a parked car whose fixes jitter, a car
 * seen only through poor fixes, and the calendar's say on what is office hours (the 2026 notice: 10 October is a
 * make-up working Saturday, 2 October a holiday).
 */
class FenceRulesTest {

    private static final WorkingDays CALENDAR = NationalHolidayNotice.YEAR_2026.workingDays();
    private static final GeoPoint YARD = new GeoPoint(26.5683, 106.7148);
    private static final ParkingSpot SPOT = new ParkingSpot(YARD, 50);
    private static final VehicleContext UNDISPATCHED = new VehicleContext(SPOT, List.of(), List.of());
    /** Metres per degree of latitude, near enough for generating tracks. */
    private static final double METRES_PER_DEGREE = 111_195;

    private static Instant beijing(String localTime) {
        return OffsetDateTime.parse(localTime + "+08:00").toInstant();
    }

    /** A point {@code metres} north of the yard. */
    private static GeoPoint north(double metres) {
        return new GeoPoint(YARD.latitude() + metres / METRES_PER_DEGREE, YARD.longitude());
    }

    /** A car leaving the yard northwards at about 30 km/h, one good fix (5 m) every 10 s from {@code start}. */
    private static List<PositionFix> departure(Instant start, int fixes) {
        List<PositionFix> track = new ArrayList<>();
        for (int i = 0; i < fixes; i++) {
            track.add(new PositionFix(start.plusSeconds(10L * i), north(80.0 * i), 30.0, 5));
        }
        return track;
    }

    private static Outcome watch(VehicleContext vehicle, List<PositionFix> fixes) {
        return FenceRules.watch(vehicle, CALENDAR, Watch.FRESH, fixes);
    }

    @Test
    void aCarLeavingItsSpotWithoutAnOrderInOfficeHoursRaisesOneDepartureAlert() {
        Outcome outcome = watch(UNDISPATCHED, departure(beijing("2026-12-01T10:00:00"), 20));
        assertThat(outcome.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo(VehicleRule.PARKING_DEPARTURE);
            assertThat(alert.fixes()).hasSize(FenceRules.FIXES_TO_CONFIRM);
            assertThat(alert.evidence()).contains("无覆盖该时刻的派车单", "工作日", "2026-12-01 10:00");
        });
    }

    @Test
    void theSameDepartureOnAHolidayOrInTheEveningIsOffHoursUse() {
        assertThat(watch(UNDISPATCHED, departure(beijing("2026-10-02T10:00:00"), 20)).alerts())
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.OFF_HOURS_USE);
        assertThat(watch(UNDISPATCHED, departure(beijing("2026-12-01T19:30:00"), 20)).alerts())
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.OFF_HOURS_USE);
        assertThat(watch(UNDISPATCHED, departure(beijing("2026-12-05T10:00:00"), 20)).alerts())
                .as("an ordinary Saturday").extracting(FenceRules.Alert::rule)
                .containsExactly(VehicleRule.OFF_HOURS_USE);
    }

    @Test
    void aMakeUpWorkingDayIsNotOffHours() {
        assertThat(watch(UNDISPATCHED, departure(beijing("2026-10-10T10:00:00"), 20)).alerts())
                .as("Saturday 10 October 2026, a make-up working day (调休)")
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.PARKING_DEPARTURE);
    }

    @Test
    void aDispatchedOrderCoversTheTripFromHalfAnHourBeforeItsStartUntilItIsReleased() {
        Instant start = beijing("2026-12-01T10:00:00");
        VehicleContext dispatched = new VehicleContext(SPOT, List.of(),
                List.of(new TimeWindow(start.plusSeconds(20 * 60), start.plusSeconds(40 * 60))));
        assertThat(watch(dispatched, departure(start, 200)).alerts()).as("left 20 min early, came back late")
                .isEmpty();
        VehicleContext tooEarly = new VehicleContext(SPOT, List.of(),
                List.of(new TimeWindow(start.plusSeconds(45 * 60), start.plusSeconds(90 * 60))));
        assertThat(watch(tooEarly, departure(start, 20)).alerts()).extracting(FenceRules.Alert::rule)
                .containsExactly(VehicleRule.PARKING_DEPARTURE);
    }

    @Test
    void movingWhileSealedRaisesSealedMovementEvenWithAnOrder() {
        Instant start = beijing("2026-10-03T10:00:00");
        VehicleContext sealed = new VehicleContext(SPOT,
                List.of(new TimeWindow(beijing("2026-09-30T18:00:00"), beijing("2026-10-08T08:00:00"))),
                List.of(new TimeWindow(start, start.plusSeconds(3600))));
        assertThat(watch(sealed, departure(start, 20)).alerts()).extracting(FenceRules.Alert::rule)
                .containsExactly(VehicleRule.SEALED_MOVEMENT);
    }

    @Test
    void aParkedCarsJitterNeverRaisesAnAlarm() {
        Random noise = new Random(7);
        List<PositionFix> parked = new ArrayList<>();
        Instant start = beijing("2026-12-01T10:00:00");
        for (int i = 0; i < 2_000; i++) {
            // Typical urban-canyon noise: mostly within 20 m, now and then a fix thrown 150–400 m away.
            double error = i % 97 == 0 ? 150 + noise.nextDouble() * 250 : Math.abs(noise.nextGaussian() * 10);
            double bearing = noise.nextDouble() * 2 * Math.PI;
            GeoPoint point = new GeoPoint(YARD.latitude() + error * Math.cos(bearing) / METRES_PER_DEGREE,
                    YARD.longitude() + error * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(
                            Math.toRadians(YARD.latitude()))));
            parked.add(new PositionFix(start.plusSeconds(5L * i), point, 0.0, i % 97 == 0 ? 30 : 8));
        }
        assertThat(watch(UNDISPATCHED, parked).alerts()).isEmpty();
    }

    @Test
    void poorFixesFarAwayNeverRaiseAnAlarmButGoodOnesDo() {
        Instant start = beijing("2026-12-01T10:00:00");
        List<PositionFix> poor = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            poor.add(new PositionFix(start.plusSeconds(10L * i), north(500), 0.0, 150));
        }
        assertThat(watch(UNDISPATCHED, poor).alerts()).as("accuracy 150 m: not usable").isEmpty();
        List<PositionFix> vague = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            vague.add(new PositionFix(start.plusSeconds(10L * i), north(180), 0.0, 90));
        }
        assertThat(watch(UNDISPATCHED, vague).alerts()).as("180 m off with 90 m accuracy: maybe inside").isEmpty();
    }

    @Test
    void oneExcursionRaisesOneAlertAndTheNextExcursionAnother() {
        Instant start = beijing("2026-12-01T10:00:00");
        List<PositionFix> track = new ArrayList<>(departure(start, 20));
        Instant back = start.plusSeconds(600);
        for (int i = 0; i < 5; i++) {
            track.add(new PositionFix(back.plusSeconds(10L * i), north(5), 0.0, 5));
        }
        track.addAll(departure(back.plusSeconds(3600), 20));
        assertThat(watch(UNDISPATCHED, track).alerts()).hasSize(2);
    }

    @Test
    void anExcursionSplitOverBatchesIsRememberedAndLateFixesAreNotJudged() {
        List<PositionFix> track = departure(beijing("2026-12-01T10:00:00"), 20);
        Outcome first = watch(UNDISPATCHED, track.subList(0, 3));
        assertThat(first.alerts()).as("two fixes outside so far").isEmpty();
        Outcome second = FenceRules.watch(UNDISPATCHED, CALENDAR, first.watch(), track.subList(3, 20));
        assertThat(second.alerts()).hasSize(1);
        Outcome replayed = FenceRules.watch(UNDISPATCHED, CALENDAR, second.watch(), track);
        assertThat(replayed.alerts()).as("the same fixes again").isEmpty();
        assertThat(replayed.late()).isEqualTo(20);
    }

    @Test
    void aVehicleWithoutAParkingSpotHasNoFence() {
        assertThat(watch(new VehicleContext(null, List.of(), List.of()),
                departure(beijing("2026-12-01T10:00:00"), 20)).alerts()).isEmpty();
    }

    @Test
    void theCaseOfAnExcursionIsNamedAfterItsFirstFix() {
        FenceRules.Alert alert = watch(UNDISPATCHED, departure(beijing("2026-12-01T10:00:00"), 20)).alerts().get(0);
        assertThat(alert.caseIdFor("vehicle-1")).isEqualTo("alert-vehicle-1-PARKING_DEPARTURE-"
                + alert.fixes().get(0).at().toEpochMilli());
    }

    /** A square of about 2 km around the yard. */
    private static final ServiceArea AREA = new ServiceArea(List.of(
            new GeoPoint(YARD.latitude() - 0.009, YARD.longitude() - 0.01),
            new GeoPoint(YARD.latitude() - 0.009, YARD.longitude() + 0.01),
            new GeoPoint(YARD.latitude() + 0.009, YARD.longitude() + 0.01),
            new GeoPoint(YARD.latitude() + 0.009, YARD.longitude() - 0.01)));

    @Test
    void leavingTheServiceAreaWithoutAnOrderRaisesOneAlertPerStayOutside() {
        assertThat(AREA.valid()).isTrue();
        VehicleContext dispatched = new VehicleContext(SPOT, List.of(),
                List.of(new TimeWindow(beijing("2026-12-01T09:00:00"), beijing("2026-12-01T18:00:00"))), AREA);
        List<PositionFix> longTrip = departure(beijing("2026-12-01T10:00:00"), 40);
        assertThat(watch(dispatched, longTrip).alerts()).as("an order covers the trip").isEmpty();

        VehicleContext undispatched = new VehicleContext(SPOT, List.of(), List.of(), AREA);
        assertThat(watch(undispatched, longTrip).alerts()).extracting(FenceRules.Alert::rule)
                .containsExactly(VehicleRule.PARKING_DEPARTURE, VehicleRule.OUTSIDE_SERVICE_AREA);
        FenceRules.Alert outside = watch(undispatched, longTrip).alerts().get(1);
        assertThat(outside.fixes()).allSatisfy(fix -> assertThat(AREA.contains(fix.point())).isFalse());
        assertThat(outside.evidence()).contains("服务区域外");
    }

    @Test
    void aVagueFixNearTheBoundaryIsNotOutside() {
        GeoPoint justOutside = new GeoPoint(YARD.latitude() + 0.009 + 30 / METRES_PER_DEGREE, YARD.longitude());
        List<PositionFix> vague = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vague.add(new PositionFix(beijing("2026-12-01T10:00:00").plusSeconds(10L * i), justOutside, 0.0, 50));
        }
        VehicleContext undispatched = new VehicleContext(null, List.of(), List.of(), AREA);
        assertThat(watch(undispatched, vague).alerts()).as("30 m outside, 50 m accuracy").isEmpty();
        assertThat(new ServiceArea(List.of(YARD, north(10), north(20))).valid()).as("a line has no area").isFalse();
    }
}
