package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.TrackDistance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrackDistanceTest {

    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    private static final double METRES_PER_DEGREE = 111_195;

    /** Northwards at 36 km/h: 100 m every 10 s. */
    private static List<PositionFix> drive(int fixes) {
        List<PositionFix> track = new ArrayList<>();
        for (int i = 0; i < fixes; i++) {
            track.add(new PositionFix(START.plusSeconds(10L * i),
                    new GeoPoint(26.5 + 100.0 * i / METRES_PER_DEGREE, 106.7), 36.0, 5));
        }
        return track;
    }

    @Test
    void aDriveIsTheSumOfItsSteps() {
        assertThat(TrackDistance.metres(drive(51))).isCloseTo(5_000, within(5.0));
        assertThat(TrackDistance.metres(List.of())).isZero();
    }

    @Test
    void outliersAndPoorFixesAddNothing() {
        List<PositionFix> noisy = new ArrayList<>(drive(51));
        noisy.set(20, new PositionFix(noisy.get(20).at(), new GeoPoint(26.6, 106.7), 36.0, 5));
        noisy.set(30, new PositionFix(noisy.get(30).at(), new GeoPoint(26.5, 106.9), 36.0, 400));
        assertThat(TrackDistance.metres(noisy)).isCloseTo(5_000, within(5.0));
    }
}
