package cn.gov.jgsw.domain.vehicles.api;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Refuelling far from the car (加油地点异常), judged when the trip ends, with the whole track at hand: a refuelling is
 * suspect when the car was certainly elsewhere, which is what a fuel card used for another car looks like.
 * <p>
 * The car's fixes within {@value #WINDOW_MINUTES} minutes either side of the refuelling's time are the evidence. Only
 * fixes of usable accuracy count ({@link FenceRules#POOREST_USABLE_ACCURACY_METRES}), and a fix counts as "far" only if
 * it is farther from the station than {@value #TOLERANCE_METRES} m plus its own accuracy (the station's recorded place
 * and the receipt's time are both rough). An alert needs at least {@value #FEWEST_FIXES} usable fixes and every one of
 * them far: a car that stood at the station for a moment has a near fix, and a terminal that said too little is no
 * evidence either way.
 */
public final class RefuellingCheck {

    public static final long WINDOW_MINUTES = 10;
    public static final double TOLERANCE_METRES = 1_000;
    public static final int FEWEST_FIXES = 2;
    /** The fixes named in an alert: those nearest in time to the refuelling. */
    static final int FIXES_IN_ALERT = 3;

    private RefuellingCheck() {
    }

    /** The window of the track to read for a refuelling at that moment. */
    public static Duration window() {
        return Duration.ofMinutes(WINDOW_MINUTES);
    }

    /** An alert to raise if the car was certainly far from the station when the refuelling was made. */
    public static Optional<FenceRules.Alert> judge(TripRefuelledEvent refuelling, List<PositionFix> track) {
        List<PositionFix> usable = track.stream()
                .filter(fix -> fix.accuracyMetres() <= FenceRules.POOREST_USABLE_ACCURACY_METRES)
                .filter(fix -> Duration.between(fix.at(), refuelling.refuelledAt()).abs().compareTo(window()) <= 0)
                .toList();
        GeoPoint station = refuelling.station();
        if (station == null || usable.size() < FEWEST_FIXES || usable.stream().anyMatch(fix ->
                station.metresTo(fix.point()) <= TOLERANCE_METRES + fix.accuracyMetres())) {
            return Optional.empty();
        }
        List<PositionFix> nearestInTime = usable.stream()
                .sorted(Comparator.comparing(fix -> Duration.between(fix.at(), refuelling.refuelledAt()).abs()))
                .limit(FIXES_IN_ALERT)
                .sorted(Comparator.comparing(PositionFix::at))
                .toList();
        double nearest = usable.stream().mapToDouble(fix -> station.metresTo(fix.point())).min().orElse(0);
        String evidence = String.format("加油记录（%s 升，%.2f 元）前后 %d 分钟内的 %d 个可用定位点均距定点加油站至少 %.0f 米"
                        + "（容差 %.0f 米加定位精度）", refuelling.litres().toPlainString(),
                refuelling.amountFen() / 100.0, WINDOW_MINUTES, usable.size(), nearest, TOLERANCE_METRES);
        return Optional.of(new FenceRules.Alert(VehicleRule.REFUELLING_FAR, nearestInTime, evidence));
    }
}
