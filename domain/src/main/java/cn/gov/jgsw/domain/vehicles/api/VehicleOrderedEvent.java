package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;

/**
 * A vehicle order was placed and awaits approval.
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param requesterId who ordered
 * @param unitId the requester's unit
 * @param purpose reason for the trip
 * @param origin start
 * @param destination destination
 * @param plannedWindow planned period
 * @param passengerCount passengers
 * @param carClass wanted class or null
 * @param orderedAt when placed
 */
public record VehicleOrderedEvent(String orderId,
                                  String tenantId,
                                  String requesterId,
                                  String unitId,
                                  String purpose,
                                  String origin,
                                  String destination,
                                  TimeWindow plannedWindow,
                                  int passengerCount,
                                  CarClass carClass,
                                  Instant orderedAt) {
}
