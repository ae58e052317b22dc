package cn.gov.jgsw.domain.vehicles.api;

import cn.gov.jgsw.domain.calendar.api.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The electronic fences (电子围栏) of a vehicle's parking spot, applied to its positions as they arrive: leaving the spot
 * by more than {@value #TOLERANCE_METRES} m with no dispatched order covering the moment raises
 * {@link VehicleRule#PARKING_DEPARTURE} in office hours and {@link VehicleRule#OFF_HOURS_USE} outside them (by the
 * bureau's work calendar, so a make-up working day counts as a working day); leaving it while sealed raises
 * {@link VehicleRule#SEALED_MOVEMENT}; being outside the bureau's service area with no order covering the moment
 * raises {@link VehicleRule#OUTSIDE_SERVICE_AREA} (outside even by the fix's whole accuracy, three fixes in a row, once
 * per stay outside); setting off again, without an order, from a resting place away from the spot raises
 * {@link VehicleRule#TRIP_WITHOUT_ORDER} ({@link AwayTrips}).
 * <p>
 * GPS noise must not raise alarms. A fix counts only if its accuracy is {@value #POOREST_USABLE_ACCURACY_METRES} m or
 * better, and it is "outside" only if it is outside even when moved its whole accuracy towards the spot. An alert needs
 * {@value #FIXES_TO_CONFIRM} such fixes in a row: one fix thrown out by multipath, or a cluster of poor fixes, stays
 * silent. One excursion raises one alert; it ends when the car is back at its spot or an order covers it.
 * <p>
 * A fix older than the newest one already seen is kept with the track but not judged here: live fences judge the car's
 * movement as it happens, and a late fix cannot reopen a past moment.
 */
public final class FenceRules {

    public static final double TOLERANCE_METRES = 50;
    public static final double POOREST_USABLE_ACCURACY_METRES = 100;
    public static final int FIXES_TO_CONFIRM = 3;
    /** A driver may leave this long before the order's planned start, to pick up the passengers. */
    public static final Duration EARLY_DEPARTURE = Duration.ofMinutes(30);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private FenceRules() {
    }

    /**
     * What the fences know of a vehicle at the moment.
     *
     * @param spot         its parking spot, or null if the ledger has none (then no fence applies)
     * @param sealings     the periods it is sealed for
     * @param reservations the periods of the orders it is promised to and not yet released from; an order covers a
     *                     moment from {@link #EARLY_DEPARTURE} before its start until it is released at the trip's end
     */
    public record VehicleContext(ParkingSpot spot, List<TimeWindow> sealings, List<TimeWindow> reservations,
                                 ServiceArea area) {

        /** Without a service area. */
        public VehicleContext(ParkingSpot spot, List<TimeWindow> sealings, List<TimeWindow> reservations) {
            this(spot, sealings, reservations, null);
        }
    }

    /**
     * What the fences remember of a vehicle between batches.
     *
     * @param lastFixAt   the newest fix judged, or null
     * @param outside     the current run of certainly-outside fixes (the last {@value #FIXES_TO_CONFIRM} at most)
     * @param openEpisode the rule of the alert raised for the current excursion, or null if none is open
     * @param outsideArea the current run of fixes certainly outside the service area
     * @param areaAlerted whether the current stay outside the service area has raised its alert
     * @param trips       what {@link AwayTrips} remembers
     */
    public record Watch(Instant lastFixAt, List<PositionFix> outside, VehicleRule openEpisode,
                        List<PositionFix> outsideArea, boolean areaAlerted, AwayTrips.State trips) {

        public static final Watch FRESH = new Watch(null, List.of(), null, List.of(), false, AwayTrips.State.FRESH);

        public Watch {
            outside = List.copyOf(outside);
            outsideArea = List.copyOf(outsideArea);
            trips = trips == null ? AwayTrips.State.FRESH : trips;
        }
    }

    /** An alert to raise: the rule, the fixes that raised it, and the rule's reading of them in words. */
    public record Alert(VehicleRule rule, List<PositionFix> fixes, String evidence) {

        /** The case of this excursion: one per vehicle, rule and first fix, however often it is raised. */
        public String caseIdFor(String vehicleId) {
            return "alert-" + vehicleId + "-" + rule.name() + "-" + fixes.get(0).at().toEpochMilli();
        }
    }

    /**
     * @param watch  what to remember for the next batch
     * @param alerts what to raise, in the order of the fixes
     * @param late   how many fixes were older than the newest already judged (kept, not judged)
     */
    public record Outcome(Watch watch, List<Alert> alerts, int late) {
    }

    public static Outcome watch(VehicleContext vehicle, WorkingDays calendar, Watch before, List<PositionFix> fixes) {
        List<PositionFix> inOrder = fixes.stream().sorted(Comparator.comparing(PositionFix::at)).toList();
        Instant lastFixAt = before.lastFixAt();
        List<PositionFix> outside = new ArrayList<>(before.outside());
        VehicleRule openEpisode = before.openEpisode();
        List<PositionFix> outsideArea = new ArrayList<>(before.outsideArea());
        boolean areaAlerted = before.areaAlerted();
        AwayTrips.State trips = before.trips();
        List<Alert> alerts = new ArrayList<>();
        int late = 0;
        for (PositionFix fix : inOrder) {
            if (lastFixAt != null && !fix.at().isAfter(lastFixAt)) {
                late++;
                continue;
            }
            lastFixAt = fix.at();
            if (fix.accuracyMetres() > POOREST_USABLE_ACCURACY_METRES) {
                continue;
            }
            AwayTrips.Step trip = AwayTrips.next(trips, fix, covered(vehicle.reservations(), fix.at()),
                    vehicle.spot(), openEpisode != null, calendar);
            trips = trip.state();
            trip.alert().ifPresent(alerts::add);
            ServiceArea area = vehicle.area();
            if (area != null) {
                boolean certainlyOutside = !area.contains(fix.point())
                        && area.metresToBoundary(fix.point()) > fix.accuracyMetres();
                if (certainlyOutside && !covered(vehicle.reservations(), fix.at())) {
                    outsideArea.add(fix);
                    if (outsideArea.size() > FIXES_TO_CONFIRM) {
                        outsideArea.remove(0);
                    }
                    if (outsideArea.size() == FIXES_TO_CONFIRM && !areaAlerted) {
                        alerts.add(new Alert(VehicleRule.OUTSIDE_SERVICE_AREA, List.copyOf(outsideArea),
                                areaEvidence(area, outsideArea, calendar)));
                        areaAlerted = true;
                    }
                } else {
                    // The run is broken; back inside, the stay outside is over.
                    outsideArea.clear();
                    if (area.contains(fix.point())) {
                        areaAlerted = false;
                    }
                }
            }
            if (vehicle.spot() == null) {
                continue;
            }
            ParkingSpot spot = vehicle.spot();
            double distance = spot.centre().metresTo(fix.point());
            double fence = spot.radiusMetres() + TOLERANCE_METRES;
            boolean sealed = vehicle.sealings().stream().anyMatch(period -> contains(period, fix.at()));
            if (distance - fix.accuracyMetres() > fence) {
                if (!sealed && covered(vehicle.reservations(), fix.at())) {
                    outside.clear();
                    openEpisode = null;
                    continue;
                }
                outside.add(fix);
                if (outside.size() > FIXES_TO_CONFIRM) {
                    outside.remove(0);
                }
                if (outside.size() == FIXES_TO_CONFIRM && openEpisode == null) {
                    VehicleRule rule = sealed ? VehicleRule.SEALED_MOVEMENT
                            : calendar.isOfficeHours(fix.at()) ? VehicleRule.PARKING_DEPARTURE
                            : VehicleRule.OFF_HOURS_USE;
                    alerts.add(new Alert(rule, List.copyOf(outside), evidence(rule, spot, outside, calendar)));
                    openEpisode = rule;
                }
            } else {
                // Not certainly outside: the run is broken. Back within the fence, the excursion is over.
                outside.clear();
                if (distance <= fence) {
                    openEpisode = null;
                }
            }
        }
        return new Outcome(new Watch(lastFixAt, outside, openEpisode, outsideArea, areaAlerted, trips), alerts,
                late);
    }

    private static boolean contains(TimeWindow period, Instant moment) {
        return !moment.isBefore(period.start()) && moment.isBefore(period.end());
    }

    private static boolean covered(List<TimeWindow> reservations, Instant moment) {
        return reservations.stream().anyMatch(order -> !moment.isBefore(order.start().minus(EARLY_DEPARTURE)));
    }

    private static String areaEvidence(ServiceArea area, List<PositionFix> fixes, WorkingDays calendar) {
        double nearest = fixes.stream().mapToDouble(fix -> area.metresToBoundary(fix.point())).min().orElse(0);
        double worst = fixes.stream().mapToDouble(PositionFix::accuracyMetres).max().orElse(0);
        ZonedDateTime first = fixes.get(0).at().atZone(WorkingDays.CHINA);
        return String.format("连续 %d 个定位点在服务区域外，距边界至少 %.0f 米（定位精度不劣于 %.0f 米）；无覆盖该时刻的派车单；"
                        + "首个定位点 %s（%s，北京时间）", fixes.size(), nearest, worst, WHEN.format(first),
                calendar.isWorkingDay(first.toLocalDate()) ? "工作日" : "休息日");
    }

    private static String evidence(VehicleRule rule, ParkingSpot spot, List<PositionFix> fixes,
                                   WorkingDays calendar) {
        double nearest = fixes.stream().mapToDouble(fix -> spot.centre().metresTo(fix.point())).min().orElse(0);
        double worst = fixes.stream().mapToDouble(PositionFix::accuracyMetres).max().orElse(0);
        ZonedDateTime first = fixes.get(0).at().atZone(WorkingDays.CHINA);
        String day = calendar.isWorkingDay(first.toLocalDate()) ? "工作日" : "休息日";
        String why = rule == VehicleRule.SEALED_MOVEMENT ? "车辆处于封存期" : "无覆盖该时刻的派车单";
        return String.format("连续 %d 个定位点距停放点至少 %.0f 米（停放点半径 %d 米，容差 %.0f 米，定位精度不劣于 %.0f 米）；"
                        + "%s；首个定位点 %s（%s，北京时间）",
                fixes.size(), nearest, spot.radiusMetres(), TOLERANCE_METRES, worst, why, WHEN.format(first), day);
    }
}
