package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The requester sends a returned order back for approval, changed as the approver asked (修改后重新提交). The order is
 * given whole, with the same rules as when it was placed, so the approvers see exactly what is asked now.
 *
 * @param resubmittedAt when it was sent again (edge clock); the planned start may not lie before it
 */
public record ResubmitVehicleOrderCommand(@TargetAggregateIdentifier String orderId,
                                          String tenantId,
                                          String requesterId,
                                          String purpose,
                                          String origin,
                                          String destination,
                                          TimeWindow plannedWindow,
                                          int passengerCount,
                                          CarClass carClass,
                                          Instant resubmittedAt) {
}
