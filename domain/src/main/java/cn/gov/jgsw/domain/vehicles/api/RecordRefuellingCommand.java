package cn.gov.jgsw.domain.vehicles.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The assigned driver records a refuelling during the trip (加油记录) at a designated fuel supplier, from the receipt.
 *
 * @param orderId      the order whose trip runs
 * @param tenantId     the bureau, from the caller's token
 * @param driverId     the driver (caller)
 * @param refuellingId the refuelling's id, derived from the request's idempotency key
 * @param supplierId   the designated fuel supplier
 * @param litres       litres filled, more than 0 and at most 200
 * @param amountFen    what was paid, in fen, 1 to 1,000,000 (10,000 yuan)
 * @param refuelledAt  when, from the trip's start to now
 * @param recordedAt   when recorded (edge clock)
 */
public record RecordRefuellingCommand(@TargetAggregateIdentifier String orderId,
                                      String tenantId,
                                      String driverId,
                                      String refuellingId,
                                      String supplierId,
                                      BigDecimal litres,
                                      long amountFen,
                                      Instant refuelledAt,
                                      Instant recordedAt) {
}
