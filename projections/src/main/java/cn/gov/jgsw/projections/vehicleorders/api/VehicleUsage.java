package cn.gov.jgsw.projections.vehicleorders.api;

import java.math.BigDecimal;

/**
 * One vehicle's trips over a period (用车统计).
 *
 * @param tripMinutes from each trip's start to its end, summed
 * @param distanceKm  by the odometer, summed
 */
public record VehicleUsage(String vehicleId, int trips, long tripMinutes, long distanceKm, BigDecimal fuelLitres,
                           long tollsFen) {
}
