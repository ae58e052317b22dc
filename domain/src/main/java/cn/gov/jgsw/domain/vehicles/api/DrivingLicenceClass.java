package cn.gov.jgsw.domain.vehicles.api;

/**
 * The classes of a Chinese driving licence (准驾车型) that matter for a fleet of passenger vehicles, and which
 * vehicles each permits, by the vehicle's passenger seats (driver excluded):
 * <ul>
 *     <li>a small passenger car (小型载客汽车, up to 9 seats with the driver): every class here; C2 only for an
 *     automatic car;</li>
 *     <li>a medium bus (中型载客汽车, 10 to 19 seats with the driver): A1, A2 or B1;</li>
 *     <li>a large bus (大型载客汽车, 20 seats and more): A1 only.</li>
 * </ul>
 * The ledger does not record a car's transmission; only a battery-electric car is taken as automatic, so a C2 licence
 * is refused for any other car (the cautious reading).
 */
public enum DrivingLicenceClass {
    A1, A2, A3, B1, B2, C1, C2;

    /** Passenger seats (driver excluded) from which a vehicle is a medium bus. */
    static final int MEDIUM_BUS_SEATS = 9;
    /** Passenger seats (driver excluded) from which a vehicle is a large bus. */
    static final int LARGE_BUS_SEATS = 19;

    /** Whether this class permits driving a vehicle of so many passenger seats and this energy type. */
    public boolean permits(int passengerSeats, EnergyType energyType) {
        if (passengerSeats >= LARGE_BUS_SEATS) {
            return this == A1;
        }
        if (passengerSeats >= MEDIUM_BUS_SEATS) {
            return this == A1 || this == A2 || this == B1;
        }
        return this != C2 || energyType == EnergyType.BATTERY_ELECTRIC;
    }
}
