package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.WorkingDays;
import cn.gov.jgsw.domain.vehicles.api.FenceRules.Outcome;
import cn.gov.jgsw.domain.vehicles.api.FenceRules.VehicleContext;
import cn.gov.jgsw.domain.vehicles.api.FenceRules.Watch;
import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
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
 * Trips without an order that start away from the spot ({@code TRIP_WITHOUT_ORDER}), against generated tracks: a car
 * kept at someone's home after an unordered departure and used again, a car resting in its yard, jitter and poor fixes
 * at the resting place, a trip an order covers, a vehicle without a spot.
 */
class AwayTripsTest {

    private static final WorkingDays CALENDAR = NationalHolidayNotice.YEAR_2026.workingDays();
    private static final GeoPoint YARD = new GeoPoint(26.5683, 106.7148);
    private static final ParkingSpot SPOT = new ParkingSpot(YARD, 50);
    private static final VehicleContext UNDISPATCHED = new VehicleContext(SPOT, List.of(), List.of());
    private static final double METRES_PER_DEGREE = 111_195;
    /** 3 km north of the yard. */
    private static final double HOME = 3_000;
    private static final Instant EVENING = OffsetDateTime.parse("2026-12-01T18:00:00+08:00").toInstant();

    private static GeoPoint north(double metres) {
        return new GeoPoint(YARD.latitude() + metres / METRES_PER_DEGREE, YARD.longitude());
    }

    /** A fix every 10 s while the car drives north at 30 km/h (about 83 m per fix) from one place to another. */
    private static List<PositionFix> drive(Instant start, double fromMetres, double toMetres) {
        List<PositionFix> fixes = new ArrayList<>();
        double step = Math.signum(toMetres - fromMetres) * 83;
        int count = (int) Math.ceil(Math.abs(toMetres - fromMetres) / 83);
        for (int i = 0; i <= count; i++) {
            double at = i == count ? toMetres : fromMetres + step * i;
            fixes.add(new PositionFix(start.plusSeconds(10L * i), north(at), 30.0, 5));
        }
        return fixes;
    }

    /** A fix every 30 s for the minutes, standing at the place, jittering by up to the metres. */
    private static List<PositionFix> stand(Instant start, double atMetres, int minutes, double jitter,
                                           double accuracy) {
        Random random = new Random(11);
        List<PositionFix> fixes = new ArrayList<>();
        for (int second = 0; second <= minutes * 60; second += 30) {
            double offset = (random.nextDouble() * 2 - 1) * jitter;
            fixes.add(new PositionFix(start.plusSeconds(second), north(atMetres + offset), 0.0, accuracy));
        }
        return fixes;
    }

    private static Instant after(List<PositionFix> fixes) {
        return fixes.get(fixes.size() - 1).at().plusSeconds(10);
    }

    /** Feeds the track in batches, as a gateway would, and answers every alert raised, in order. */
    private static List<FenceRules.Alert> watch(VehicleContext vehicle, List<List<PositionFix>> batches) {
        Watch watch = Watch.FRESH;
        List<FenceRules.Alert> alerts = new ArrayList<>();
        for (List<PositionFix> batch : batches) {
            Outcome outcome = FenceRules.watch(vehicle, CALENDAR, watch, batch);
            watch = outcome.watch();
            alerts.addAll(outcome.alerts());
        }
        return alerts;
    }

    @Test
    void aCarKeptAwayFromItsSpotAndUsedAgainRaisesAnAlertForEveryTrip() {
        List<PositionFix> parked = stand(EVENING, 0, 10, 5, 5);
        List<PositionFix> home = drive(after(parked), 0, HOME);
        List<PositionFix> night = stand(after(home), HOME, 8 * 60, 20, 15);
        List<PositionFix> morning = drive(after(night), HOME, HOME + 4_000);
        List<PositionFix> errand = stand(after(morning), HOME + 4_000, 30, 10, 10);
        List<PositionFix> back = drive(after(errand), HOME + 4_000, HOME);

        List<FenceRules.Alert> alerts = watch(UNDISPATCHED, List.of(parked, home, night, morning, errand, back));

        assertThat(alerts).extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.OFF_HOURS_USE,
                VehicleRule.TRIP_WITHOUT_ORDER, VehicleRule.TRIP_WITHOUT_ORDER);
        FenceRules.Alert morningTrip = alerts.get(1);
        assertThat(morningTrip.fixes()).hasSize(FenceRules.FIXES_TO_CONFIRM)
                .allSatisfy(fix -> assertThat(morning).contains(fix));
        assertThat(morningTrip.evidence()).contains("停留至少 5 分钟", "无覆盖该时刻的派车单", "2026-12-02 02:");
        assertThat(morningTrip.caseIdFor("v1")).isNotEqualTo(alerts.get(2).caseIdFor("v1"));
    }

    @Test
    void aDepartureFromTheSpotIsTheDepartureRulesAlone() {
        List<PositionFix> parked = stand(EVENING, 0, 10, 5, 5);
        assertThat(watch(UNDISPATCHED, List.of(parked, drive(after(parked), 0, HOME))))
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.OFF_HOURS_USE);
    }

    @Test
    void jitterAndPoorFixesAtTheRestingPlaceStaySilent() {
        List<PositionFix> parked = stand(EVENING, 0, 10, 5, 5);
        List<PositionFix> home = drive(after(parked), 0, HOME);
        List<PositionFix> jitter = stand(after(home), HOME, 120, 60, 25);
        List<PositionFix> multipath = stand(after(jitter), HOME + 900, 10, 400, 300);
        assertThat(watch(UNDISPATCHED, List.of(parked, home, jitter, multipath)))
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.OFF_HOURS_USE);
    }

    @Test
    void aTripAnOrderCoversIsSilent() {
        List<PositionFix> parked = stand(EVENING, 0, 10, 5, 5);
        List<PositionFix> home = drive(after(parked), 0, HOME);
        List<PositionFix> night = stand(after(home), HOME, 60, 20, 15);
        List<PositionFix> ordered = drive(after(night), HOME, HOME + 4_000);
        VehicleContext dispatchedLater = new VehicleContext(SPOT, List.of(), List.of(new TimeWindow(
                ordered.get(0).at().plusSeconds(600), ordered.get(0).at().plusSeconds(7_200))));
        assertThat(watch(dispatchedLater, List.of(parked, home, night, ordered)))
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.OFF_HOURS_USE);
    }

    @Test
    void aVehicleWithoutASpotIsWatchedTripByTrip() {
        VehicleContext noSpot = new VehicleContext(null, List.of(), List.of());
        List<PositionFix> rest = stand(EVENING, HOME, 10, 10, 10);
        List<PositionFix> trip = drive(after(rest), HOME, HOME + 2_000);
        List<PositionFix> brief = stand(after(trip), HOME + 2_000, 2, 10, 10);
        List<PositionFix> onwards = drive(after(brief), HOME + 2_000, HOME + 5_000);
        assertThat(watch(noSpot, List.of(rest, trip, brief, onwards))).as("a stop of 2 minutes is the same trip")
                .extracting(FenceRules.Alert::rule).containsExactly(VehicleRule.TRIP_WITHOUT_ORDER);
    }
}
