package cn.gov.jgsw.domain.vehicles.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Odometer against GPS (里程核对), when a trip ends: the distance the driver reports from the odometer and the distance
 * the vehicle's positions cover must agree within {@value #TOLERANCE_KM} km or {@value #TOLERANCE_SHARE_PERCENT}% of
 * the longer, whichever is more. A trip is judged only with enough positions to be evidence: at least
 * {@value #FEWEST_FIXES} usable fixes, and one per two minutes of the trip; with fewer, the terminal said too little.
 */
public final class OdometerCheck {

    public static final double TOLERANCE_KM = 2;
    public static final int TOLERANCE_SHARE_PERCENT = 25;
    public static final int FEWEST_FIXES = 5;

    private OdometerCheck() {
    }

    /** An alert to raise, if the two distances disagree on sufficient evidence. */
    public static Optional<FenceRules.Alert> judge(long odometerKm, List<PositionFix> fixes, Duration trip) {
        List<PositionFix> usable = fixes.stream()
                .filter(fix -> fix.accuracyMetres() <= FenceRules.POOREST_USABLE_ACCURACY_METRES).toList();
        if (usable.size() < Math.max(FEWEST_FIXES, trip.toMinutes() / 2)) {
            return Optional.empty();
        }
        double gpsKm = TrackDistance.metres(usable) / 1000;
        double tolerance = Math.max(TOLERANCE_KM, Math.max(odometerKm, gpsKm) * TOLERANCE_SHARE_PERCENT / 100.0);
        if (Math.abs(odometerKm - gpsKm) <= tolerance) {
            return Optional.empty();
        }
        String evidence = String.format("里程表行驶 %d 公里，定位轨迹 %.1f 公里（%d 个可用定位点，行程 %d 分钟）；相差超过容差 %.1f 公里",
                odometerKm, gpsKm, usable.size(), trip.toMinutes(), tolerance);
        return Optional.of(new FenceRules.Alert(VehicleRule.ODOMETER_MISMATCH,
                List.of(usable.get(0), usable.get(usable.size() - 1)), evidence));
    }
}
