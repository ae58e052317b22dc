package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assigned driver starts the trip, reading the odometer (出车).
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param driverId the driver (caller)
 * @param odometerKm odometer at start, km
 * @param startedAt when (edge clock)
 */
public record StartTripCommand(@TargetAggregateIdentifier String orderId,
                               String tenantId,
                               String driverId,
                               long odometerKm,
                               Instant startedAt) {
}
