package cn.gov.jgsw.domain.vehicles.api;

/**
 * A driver is a person, named everywhere by the person's user id; the driver aggregate's own identifier is derived
 * from it. The event store keys streams by identifier alone, so the driver's stream must not share the person's id
 * with other aggregates of that person (their personal settings, say).
 */
public final class DriverIds {

    private static final String PREFIX = "driver:";

    private DriverIds() {
    }

    /** The identifier of the driver aggregate of the person with this user id. */
    public static String aggregateIdOf(String personId) {
        return PREFIX + personId;
    }
}
