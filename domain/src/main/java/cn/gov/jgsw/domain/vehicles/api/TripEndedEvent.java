package cn.gov.jgsw.domain.vehicles.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The trip ended; the dispatch slip's mileage, fuel and cost.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param driverId the driver
 * @param odometerKm odometer at end, km
 * @param distanceKm end minus start reading
 * @param fuelLitres fuel used, litres
 * @param tollsFen tolls, fen
 * @param endedAt when
 */
public record TripEndedEvent(String orderId,
                             String tenantId,
                             String driverId,
                             long odometerKm,
                             long distanceKm,
                             BigDecimal fuelLitres,
                             long tollsFen,
                             Instant endedAt) {
}
