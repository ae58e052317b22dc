package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A civil servant orders an official car (用车申请).
 *
 * @param orderId internal id, chosen at the edge
 * @param tenantId the bureau, from the caller's token
 * @param requesterId the person ordering
 * @param unitId the person's unit
 * @param purpose reason for the trip (用车事由)
 * @param origin where the trip starts
 * @param destination where it goes
 * @param plannedWindow planned start and end
 * @param passengerCount passengers, 1 or more
 * @param carClass wanted class, or null for any
 * @param orderedAt when the order was placed (edge clock)
 */
public record OrderVehicleCommand(@TargetAggregateIdentifier String orderId,
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
