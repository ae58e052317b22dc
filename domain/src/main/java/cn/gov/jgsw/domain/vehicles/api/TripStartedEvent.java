package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;

/**
 * The trip started.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param driverId the driver
 * @param odometerKm odometer at start, km
 * @param startedAt when
 */
public record TripStartedEvent(String orderId,
                               String tenantId,
                               String driverId,
                               long odometerKm,
                               Instant startedAt) {
}
