package cn.gov.jgsw.projections.vehicles.api;

import java.math.BigDecimal;

/**
 * One vehicle's trips over a period (用车统计).
 *
 * @param tripMinutes from each trip's start to its end, summed
 * @param distanceKm  by the odometer, summed
 * @param fuelCostFen the refuellings on the trips, summed
 */
public record VehicleUsage(String vehicleId, int trips, long tripMinutes, long distanceKm, BigDecimal fuelLitres,
                           long tollsFen, long fuelCostFen) {

    /** No trips. */
    public static VehicleUsage none(String vehicleId) {
        return new VehicleUsage(vehicleId, 0, 0, 0, BigDecimal.ZERO, 0, 0);
    }

    /** This and the other of the same vehicle, summed. */
    public VehicleUsage plus(VehicleUsage other) {
        return new VehicleUsage(vehicleId, trips + other.trips, tripMinutes + other.tripMinutes,
                distanceKm + other.distanceKm, fuelLitres.add(other.fuelLitres), tollsFen + other.tollsFen,
                fuelCostFen + other.fuelCostFen);
    }
}
