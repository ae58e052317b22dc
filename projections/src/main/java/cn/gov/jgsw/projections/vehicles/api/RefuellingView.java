package cn.gov.jgsw.projections.vehicles.api;

import java.time.Instant;

/**
 * A refuelling on a trip (加油记录), from the receipt.
 *
 * @param id          the refuelling
 * @param supplierId  the designated fuel supplier
 * @param litres      litres filled, decimal text
 * @param amountFen   what was paid, fen
 * @param refuelledAt when
 */
public record RefuellingView(String id, String supplierId, String litres, long amountFen, Instant refuelledAt) {
}
