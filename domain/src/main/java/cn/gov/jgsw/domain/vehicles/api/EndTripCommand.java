package cn.gov.jgsw.domain.vehicles.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assigned driver ends the trip with odometer, fuel and tolls (收车); the order is then completed.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param driverId the driver (caller)
 * @param odometerKm odometer at end, km
 * @param fuelLitres fuel used, litres
 * @param tollsFen tolls paid, in fen (分)
 * @param endedAt when (edge clock)
 */
public record EndTripCommand(@TargetAggregateIdentifier String orderId,
                             String tenantId,
                             String driverId,
                             long odometerKm,
                             BigDecimal fuelLitres,
                             long tollsFen,
                             Instant endedAt) {
}
