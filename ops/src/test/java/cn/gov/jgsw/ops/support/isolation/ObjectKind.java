package cn.gov.jgsw.ops.support.isolation;

/**
 * The kinds of object an {@code ID} argument can name. Every bureau of the matrix has fixtures of every kind, so an
 * argument of a known kind can be pointed at the caller's own bureau, a sibling, the parent or a child.
 */
public enum ObjectKind {
    BUREAU,
    UNIT,
    VEHICLE,
    DRIVER,
    VEHICLE_ORDER,
    INTEGRATION_CLIENT,
    SERVICE_REQUEST,
    PROPERTY_STAFF,
    APPROVAL,
    /** Any person of the bureau (a delegate): a driver or a clerk is one, so its lookalike is a vehicle. */
    PERSON,
    /** A period a vehicle is sealed for; it lives in the vehicle's history. */
    SEALING,
    /** An alert of the fences and its case. */
    ALERT_CASE,
    /** A designated supplier of the fleet. */
    SUPPLIER,
    /** Any object with a history (an aggregate): an order stands for all of them. */
    ANY_OBJECT;

    /**
     * The kind whose ids are most easily mistaken for this kind's: another aggregate of the same event store (an order
     * for a vehicle and back, a vehicle for a driver, an order for an integration client), or an id with the same
     * beginning (a unit's id starts with its bureau's). The matrix sends the caller's own object of that kind as one of
     * its fuzzed ids.
     */
    public ObjectKind lookalike() {
        return switch (this) {
            case VEHICLE_ORDER -> VEHICLE;
            case VEHICLE -> VEHICLE_ORDER;
            case DRIVER -> VEHICLE;
            case UNIT -> BUREAU;
            case BUREAU -> UNIT;
            case INTEGRATION_CLIENT -> VEHICLE_ORDER;
            case SERVICE_REQUEST -> VEHICLE_ORDER;
            case PROPERTY_STAFF -> DRIVER;
            case APPROVAL -> VEHICLE_ORDER;
            case PERSON -> VEHICLE;
            case SEALING -> VEHICLE_ORDER;
            case ALERT_CASE -> VEHICLE;
            case SUPPLIER -> VEHICLE;
            // Any object's id is valid here, so the lookalike is an id that names no object: a unit's.
            case ANY_OBJECT -> UNIT;
        };
    }
}
