package cn.gov.jgsw.domain.vehicles.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trips without an order that start away from the parking spot (无单出车): the part of the fences that
 * {@link VehicleRule#PARKING_DEPARTURE} cannot see. Leaving the spot raises the departure alert once per excursion; a car
 * then kept away from its spot (overnight at someone's home, say) and used again and again would raise nothing more.
 * So every trip is watched: the car rests where it stood still for {@value #STILL_MINUTES} minutes (within
 * {@value #STILL_METRES} m plus the fixes' accuracy), and a trip begins when {@value FenceRules#FIXES_TO_CONFIRM}
 * usable fixes in a row lie farther than {@value #MOVED_METRES} m plus both accuracies from that resting place.
 * <p>
 * Such a trip raises {@link VehicleRule#TRIP_WITHOUT_ORDER} when no order covers it and it starts away from the spot:
 * the departure alert of the same excursion was raised before it, or the vehicle has no spot. A trip from the spot
 * is the departure rules' to judge. One trip raises one alert; the next needs the car to rest again first. GPS jitter
 * stays far below the thresholds, and fixes of poor accuracy are not used at all (as for every fence).
 */
public final class AwayTrips {

    public static final double MOVED_METRES = 200;
    public static final double STILL_METRES = 50;
    public static final long STILL_MINUTES = 5;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AwayTrips() {
    }

    /**
     * What is remembered between fixes.
     *
     * @param rest     where the car last rested, or null if it has not been seen resting
     * @param still    the first fix of the car's current standing, or null
     * @param moving   the current run of fixes certainly away from the resting place (the last few)
     * @param alerted  whether the current trip raised its alert already
     */
    public record State(PositionFix rest, PositionFix still, List<PositionFix> moving, boolean alerted) {

        public static final State FRESH = new State(null, null, List.of(), false);

        public State {
            moving = List.copyOf(moving);
        }
    }

    /** The state after a usable fix, and the alert it raises if any. */
    public record Step(State state, Optional<FenceRules.Alert> alert) {
    }

    /**
     * @param covered           whether an order covers the fix's moment
     * @param spot              the vehicle's parking spot, or null if it has none
     * @param excursionAlerted  whether the departure rules raised an alert for the current excursion before this fix
     */
    public static Step next(State state, PositionFix fix, boolean covered, ParkingSpot spot, boolean excursionAlerted,
                            WorkingDays calendar) {
        PositionFix still = state.still() != null && near(state.still(), fix) ? state.still() : fix;
        PositionFix rest = state.rest();
        boolean alerted = state.alerted();
        List<PositionFix> moving = new ArrayList<>(state.moving());
        if (!Duration.between(still.at(), fix.at()).minusMinutes(STILL_MINUTES).isNegative()) {
            // Standing long enough: this is where it rests now, and the trip before (if any) is over.
            rest = still;
            alerted = false;
            moving.clear();
        }
        if (rest == null || covered || !movedFrom(rest, fix)) {
            moving.clear();
            return new Step(new State(rest, still, moving, alerted), Optional.empty());
        }
        moving.add(fix);
        if (moving.size() > FenceRules.FIXES_TO_CONFIRM) {
            moving.remove(0);
        }
        Optional<FenceRules.Alert> alert = Optional.empty();
        if (moving.size() == FenceRules.FIXES_TO_CONFIRM && !alerted && startsAway(rest, spot, excursionAlerted)) {
            alert = Optional.of(new FenceRules.Alert(VehicleRule.TRIP_WITHOUT_ORDER, List.copyOf(moving),
                    evidence(rest, moving, calendar)));
            alerted = true;
        }
        return new Step(new State(rest, still, moving, alerted), alert);
    }

    /** Away from the spot: certainly outside its fence, on an excursion already alerted; or there is no spot. */
    private static boolean startsAway(PositionFix rest, ParkingSpot spot, boolean excursionAlerted) {
        if (spot == null) {
            return true;
        }
        double fence = spot.radiusMetres() + FenceRules.TOLERANCE_METRES;
        return excursionAlerted && spot.centre().metresTo(rest.point()) - rest.accuracyMetres() > fence;
    }

    private static boolean near(PositionFix a, PositionFix b) {
        return a.point().metresTo(b.point()) <= STILL_METRES + a.accuracyMetres() + b.accuracyMetres();
    }

    private static boolean movedFrom(PositionFix rest, PositionFix fix) {
        return rest.point().metresTo(fix.point()) > MOVED_METRES + rest.accuracyMetres() + fix.accuracyMetres();
    }

    private static String evidence(PositionFix rest, List<PositionFix> moving, WorkingDays calendar) {
        double nearest = moving.stream().mapToDouble(fix -> rest.point().metresTo(fix.point())).min().orElse(0);
        ZonedDateTime rested = rest.at().atZone(WorkingDays.CHINA);
        ZonedDateTime first = moving.get(0).at().atZone(WorkingDays.CHINA);
        return String.format("车辆在停放点以外的地点（%.5f, %.5f）停留至少 %d 分钟（自 %s 起）后再次出行：连续 %d 个定位点距该地点至少"
                        + " %.0f 米；无覆盖该时刻的派车单；首个定位点 %s（%s，北京时间）", rest.point().latitude(),
                rest.point().longitude(), STILL_MINUTES, WHEN.format(rested), moving.size(), nearest,
                WHEN.format(first), calendar.isWorkingDay(first.toLocalDate()) ? "工作日" : "休息日");
    }
}
