package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;

/**
 * A returned order was changed and sent back for approval; it awaits approval again. Fields as in
 * {@link ResubmitVehicleOrderCommand}, texts as kept.
 *
 * @param submission 2 for the first resubmission, then 3, …; each submission has its own approval
 */
public record VehicleOrderResubmittedEvent(String orderId,
                                           String tenantId,
                                           String requesterId,
                                           int submission,
                                           String purpose,
                                           String origin,
                                           String destination,
                                           TimeWindow plannedWindow,
                                           int passengerCount,
                                           CarClass carClass,
                                           Instant resubmittedAt) {
}
