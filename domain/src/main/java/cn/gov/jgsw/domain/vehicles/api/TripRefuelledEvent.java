package cn.gov.jgsw.domain.vehicles.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refuelling during a trip at a designated fuel supplier; its amount is part of the trip's cost.
 *
 * @param orderId      the order
 * @param tenantId     the bureau
 * @param driverId     the driver who recorded it
 * @param vehicleId    the vehicle filled
 * @param refuellingId the refuelling
 * @param supplierId   the designated fuel supplier
 * @param station      the supplier's station, where the car should have been
 * @param litres       litres filled, two decimals
 * @param amountFen    what was paid, fen
 * @param refuelledAt  when
 */
public record TripRefuelledEvent(String orderId,
                                 String tenantId,
                                 String driverId,
                                 String vehicleId,
                                 String refuellingId,
                                 String supplierId,
                                 GeoPoint station,
                                 BigDecimal litres,
                                 long amountFen,
                                 Instant refuelledAt) {
}
