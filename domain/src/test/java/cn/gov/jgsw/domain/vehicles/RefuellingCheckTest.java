package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.vehicles.api.FenceRules;
import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.RefuellingCheck;
import cn.gov.jgsw.domain.vehicles.api.TripRefuelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refuelling far from the car, against generated tracks: a car standing at the station with jittering fixes, a car
 * far away, a car seen only through poor fixes, a terminal that said too little, a car that drove to the station.
 */
class RefuellingCheckTest {

    static final GeoPoint STATION = new GeoPoint(26.5800, 106.7100);
    /** About 20 km north-east of the station. */
    static final GeoPoint ELSEWHERE = new GeoPoint(26.7200, 106.8500);
    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    static TripRefuelledEvent refuelling(GeoPoint station) {
        return new TripRefuelledEvent("order-1", "bureau-nanming", "user-driver", "vehicle-1", "refuel-1",
                "supplier-1", station, new BigDecimal("45.20"), 35_256, AT);
    }

    /** A fix every 30 s from 10 minutes before to 10 minutes after, around the point, jittering by up to the metres. */
    static List<PositionFix> around(GeoPoint point, double jitterMetres, double accuracy) {
        Random random = new Random(7);
        List<PositionFix> fixes = new ArrayList<>();
        for (int second = -600; second <= 600; second += 30) {
            double dLat = (random.nextDouble() * 2 - 1) * jitterMetres / 111_000;
            double dLon = (random.nextDouble() * 2 - 1) * jitterMetres / 100_000;
            fixes.add(new PositionFix(AT.plusSeconds(second),
                    new GeoPoint(point.latitude() + dLat, point.longitude() + dLon), 0.0, accuracy));
        }
        return fixes;
    }

    @Test
    void aCarStandingAtTheStationWithJitteringFixesStaysSilent() {
        assertThat(RefuellingCheck.judge(refuelling(STATION), around(STATION, 80, 30))).isEmpty();
    }

    @Test
    void aCarFarAwayAllTheTimeRaisesAnAlertThatExplainsItself() {
        Optional<FenceRules.Alert> alert = RefuellingCheck.judge(refuelling(STATION), around(ELSEWHERE, 30, 15));

        assertThat(alert).isPresent();
        assertThat(alert.get().rule()).isEqualTo(VehicleRule.REFUELLING_FAR);
        assertThat(alert.get().fixes()).hasSize(3).allSatisfy(fix ->
                assertThat(Math.abs(fix.at().getEpochSecond() - AT.getEpochSecond())).isLessThanOrEqualTo(30));
        assertThat(alert.get().evidence()).contains("45.20 升", "352.56 元", "41 个可用定位点", "至少 20");
    }

    @Test
    void poorFixesAreNoEvidence() {
        assertThat(RefuellingCheck.judge(refuelling(STATION), around(ELSEWHERE, 30, 500))).isEmpty();
    }

    @Test
    void oneFarFixIsTooLittleToGoOn() {
        assertThat(RefuellingCheck.judge(refuelling(STATION),
                List.of(new PositionFix(AT, ELSEWHERE, 0.0, 10)))).isEmpty();
    }

    @Test
    void fixesOutsideTheWindowAreNotEvidence() {
        List<PositionFix> longBefore = around(ELSEWHERE, 30, 10).stream()
                .map(fix -> new PositionFix(fix.at().minusSeconds(3600), fix.point(), 0.0, 10)).toList();
        assertThat(RefuellingCheck.judge(refuelling(STATION), longBefore)).isEmpty();
    }

    @Test
    void aCarThatDroveToTheStationAndStoodThereIsFine() {
        List<PositionFix> track = new ArrayList<>();
        for (int second = -600; second < 0; second += 30) {
            double share = (second + 600) / 600.0;
            track.add(new PositionFix(AT.plusSeconds(second), new GeoPoint(
                    ELSEWHERE.latitude() + (STATION.latitude() - ELSEWHERE.latitude()) * share,
                    ELSEWHERE.longitude() + (STATION.longitude() - ELSEWHERE.longitude()) * share), 60.0, 10));
        }
        track.add(new PositionFix(AT, STATION, 0.0, 10));
        assertThat(RefuellingCheck.judge(refuelling(STATION), track)).isEmpty();
    }

    @Test
    void theSlackIsTheToleranceAndTheFixesAccuracy() {
        // 1,050 m from the station: farther than 1,000 m + 10 m, but not than 1,000 m + 80 m.
        GeoPoint edge = new GeoPoint(STATION.latitude() + 1_050 / 111_195.0, STATION.longitude());
        assertThat(RefuellingCheck.judge(refuelling(STATION), around(edge, 0, 10))).isPresent();
        assertThat(RefuellingCheck.judge(refuelling(STATION), around(edge, 0, 80))).as("within 1,000 m + 80 m")
                .isEmpty();
    }
}
