package cn.gov.jgsw.domain.vehicles.api;

import java.math.BigDecimal;

/**
 * A completed trip's record was corrected; these figures replace those of the corrected event in every read model.
 *
 * @param orderId          the order
 * @param tenantId         the bureau
 * @param correctorId      the bureau admin
 * @param correctedSequence the place in the order's history of the event whose figures these replace
 * @param odometerKm       odometer at the trip's end
 * @param distanceKm       end minus start reading
 * @param fuelLitres       fuel used, litres
 * @param tollsFen         tolls, fen
 * @param reason           why
 */
public record TripRecordCorrectedEvent(String orderId,
                                       String tenantId,
                                       String correctorId,
                                       long correctedSequence,
                                       long odometerKm,
                                       long distanceKm,
                                       BigDecimal fuelLitres,
                                       long tollsFen,
                                       String reason) {
}
