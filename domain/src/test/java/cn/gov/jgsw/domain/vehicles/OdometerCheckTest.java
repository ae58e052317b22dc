package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.OdometerCheck;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 20 km trip at 60 km/h, a fix every 30 s, against honest and padded odometer readings. */
class OdometerCheckTest {

    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration TRIP = Duration.ofMinutes(20);
    private static final double METRES_PER_DEGREE = 111_195;

    private static List<PositionFix> drive(int fixes, double metresPerFix) {
        List<PositionFix> track = new ArrayList<>();
        for (int i = 0; i < fixes; i++) {
            track.add(new PositionFix(START.plusSeconds(30L * i),
                    new GeoPoint(26.5 + metresPerFix * i / METRES_PER_DEGREE, 106.7), 60.0, 8));
        }
        return track;
    }

    @Test
    void anHonestReadingPasses() {
        assertThat(OdometerCheck.judge(20, drive(41, 500), TRIP)).isEmpty();
        assertThat(OdometerCheck.judge(22, drive(41, 500), TRIP)).as("within 2 km").isEmpty();
    }

    @Test
    void aPaddedReadingRaisesAnAlert() {
        assertThat(OdometerCheck.judge(45, drive(41, 500), TRIP)).hasValueSatisfying(alert -> {
            assertThat(alert.rule()).isEqualTo(VehicleRule.ODOMETER_MISMATCH);
            assertThat(alert.evidence()).contains("里程表行驶 45 公里", "定位轨迹 20.0 公里");
            assertThat(alert.fixes()).hasSize(2);
        });
    }

    @Test
    void tooFewPositionsAreNoEvidence() {
        assertThat(OdometerCheck.judge(45, drive(8, 2_500), TRIP)).as("8 fixes for 20 minutes").isEmpty();
        List<PositionFix> poor = drive(41, 500).stream().map(fix -> new PositionFix(fix.at(), fix.point(),
                fix.speedKmh(), 300)).toList();
        assertThat(OdometerCheck.judge(45, poor, TRIP)).as("only poor fixes").isEmpty();
    }
}
