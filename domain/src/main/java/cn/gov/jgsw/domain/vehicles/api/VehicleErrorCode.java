package cn.gov.jgsw.domain.vehicles.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why the vehicles context refused a command. Stable: the app branches on these. */
public enum VehicleErrorCode implements ErrorCode {
    /** Purpose, origin or destination is empty or too long. */
    INVALID_ORDER_TEXT,
    /** The planned end is not after the planned start. */
    END_BEFORE_START,
    /** The planned start lies in the past. */
    PLANNED_START_IN_PAST,
    /** The planned use is longer than an order may cover. */
    WINDOW_TOO_LONG,
    /** The passenger count is below one or above what any car carries. */
    INVALID_PASSENGER_COUNT,
    /** The step is not allowed in the order's current status (e.g. approving a cancelled order). */
    INVALID_ORDER_TRANSITION,
    /** Only the person who placed the order may cancel it. */
    NOT_THE_REQUESTER,
    /** An approver may not decide their own order. */
    SELF_APPROVAL,
    /** The vehicle is already reserved for an overlapping period. */
    VEHICLE_DOUBLE_BOOKED,
    /** The driver is already reserved for an overlapping period. */
    DRIVER_DOUBLE_BOOKED,
    /** The vehicle has fewer seats than the order has passengers. */
    VEHICLE_TOO_SMALL,
    /** Only the driver assigned to the order may start or end its trip. */
    NOT_THE_ASSIGNED_DRIVER,
    /** An odometer reading is negative, or the end reading is below the start reading. */
    INVALID_ODOMETER,
    /** Fuel or tolls are negative. */
    INVALID_TRIP_COST,
    /**
     * A vehicle's ledger entry is invalid: plate, seats (1–60), class, energy type, purchase price (1 fen to
     * 10 million yuan) and date (from 1990, not after today), or the parking spot (a possible point, radius 10–500 m).
     */
    INVALID_VEHICLE,
    /** A sealing is invalid: its period is empty, longer than 30 days or already over, or it lacks a reason. */
    INVALID_SEALING,
    /** The vehicle is sealed (封存) for part of the period. */
    VEHICLE_SEALED,
    /** The vehicle is retired and is never used again. */
    VEHICLE_RETIRED,
    /** The vehicle is still promised to an order, so it cannot be retired yet. */
    VEHICLE_STILL_RESERVED,
    /** The alert's case is disposed of already. */
    ALERT_CASE_CLOSED,
    /** Tracks are kept from 30 days to three years (1,095 days). */
    INVALID_TRACK_RETENTION,
    /** A service area is 3 to 200 possible points enclosing some area. */
    INVALID_SERVICE_AREA,
    /** A driver's licence lacks its class, or is expired already, or claims validity beyond 30 years. */
    INVALID_DRIVER_LICENCE,
    /** The person is a driver of the fleet already; record a changed licence instead. */
    DRIVER_ALREADY_REGISTERED,
    /** The driver has no licence on record, or its class does not permit this vehicle (seats, transmission). */
    DRIVER_NOT_LICENSED,
    /** The driver's licence expires before the trip's planned end. */
    DRIVER_LICENCE_EXPIRED,
    /** A supplier's designation is invalid: kind, a name of 1–100 characters, a possible station (required for fuel). */
    INVALID_SUPPLIER,
    /** The supplier is not a designated supplier of that kind now (never was, or its designation was withdrawn). */
    SUPPLIER_NOT_DESIGNATED,
    /** A refuelling is invalid: litres over 0 and at most 200, 1 fen to 10,000 yuan, a time within the trip. */
    INVALID_REFUELLING,
    /** A correction must point at the trip's current record: its end, or its latest correction. */
    CORRECTION_NOT_CURRENT;

    @Override
    public String code() {
        return name();
    }
}
