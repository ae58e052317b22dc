package cn.gov.jgsw.domain.vehicles.api;

import java.util.List;

/**
 * The distance a track covers, for the trip record (派车单里程) and the odometer check: the sum of the straight lines
 * between consecutive usable fixes. A fix counts if its accuracy is {@value FenceRules#POOREST_USABLE_ACCURACY_METRES} m
 * or better and reaching it from the last counted fix needs no more than {@value #FASTEST_KMH} km/h; a fix thrown
 * far away by multipath would otherwise add its detour twice.
 */
public final class TrackDistance {

    public static final double FASTEST_KMH = 200;

    private TrackDistance() {
    }

    /** @param fixes oldest first */
    public static double metres(List<PositionFix> fixes) {
        double metres = 0;
        PositionFix last = null;
        for (PositionFix fix : fixes) {
            if (fix.accuracyMetres() > FenceRules.POOREST_USABLE_ACCURACY_METRES) {
                continue;
            }
            if (last != null) {
                double step = last.point().metresTo(fix.point());
                double seconds = Math.max(0.001, (fix.at().toEpochMilli() - last.at().toEpochMilli()) / 1000.0);
                if (step / seconds * 3.6 > FASTEST_KMH) {
                    continue;
                }
                metres += step;
            }
            last = fix;
        }
        return metres;
    }
}
