package cn.gov.jgsw.domain.vehicles.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau admin corrects a completed trip's record (更正派车单): the figures as they should have been, with a reason,
 * pointing at the record being corrected by its place in the order's history (the event log's own key, order and
 * sequence). Nothing is edited: the correction is a new event that read models apply.
 *
 * @param orderId          the order
 * @param tenantId         the bureau, from the caller's token
 * @param correctorId      the bureau admin (caller)
 * @param correctedSequence the place in the order's history of the event recording the trip's figures now: its
 *                          end, or its latest correction
 * @param odometerKm       the odometer at the trip's end, as it should have been
 * @param fuelLitres       fuel used, litres
 * @param tollsFen         tolls, fen
 * @param reason           why, required, up to 200 characters
 */
public record CorrectTripRecordCommand(@TargetAggregateIdentifier String orderId,
                                       String tenantId,
                                       String correctorId,
                                       long correctedSequence,
                                       long odometerKm,
                                       BigDecimal fuelLitres,
                                       long tollsFen,
                                       String reason) {
}
