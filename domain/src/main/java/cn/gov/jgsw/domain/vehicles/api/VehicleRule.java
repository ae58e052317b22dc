package cn.gov.jgsw.domain.vehicles.api;

/**
 * The electronic fences and misuse rules (电子围栏与违规规则) the platform watches positions with. Each has a version:
 * an alert names the rule and the version that raised it, and a changed rule gets a new version.
 */
public enum VehicleRule {
    /** The car left its parking spot by more than 50 m during working hours with no dispatched order covering it. */
    PARKING_DEPARTURE(1),
    /** The same outside office hours: a day off, or outside 08:30–17:30 of a working day, by the work calendar. */
    OFF_HOURS_USE(1),
    /** The car left its parking spot while sealed (封存期间移动). */
    SEALED_MOVEMENT(1),
    /** The car is outside the bureau's service area with no dispatched order covering the moment. */
    OUTSIDE_SERVICE_AREA(1),
    /** The odometer distance of a trip and the distance its positions cover disagree beyond the tolerance. */
    ODOMETER_MISMATCH(1),
    /** A refuelling on a trip was recorded while the car's positions were all far from the fuel station. */
    REFUELLING_FAR(1),
    /**
     * The car, resting away from its parking spot during an excursion already alerted (or having no spot), set off
     * again with no order covering the moment: each such trip counts ({@link AwayTrips}).
     */
    TRIP_WITHOUT_ORDER(1);

    private final int version;

    VehicleRule(int version) {
        this.version = version;
    }

    public int version() {
        return version;
    }
}
