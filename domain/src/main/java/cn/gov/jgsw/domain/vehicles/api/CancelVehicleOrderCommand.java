package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The requester withdraws an order before it is dispatched (取消).
 *
 * @param orderId the order
 * @param tenantId the bureau, from the caller's token
 * @param userId who cancels
 * @param reason why, optional
 */
public record CancelVehicleOrderCommand(@TargetAggregateIdentifier String orderId,
                                        String tenantId,
                                        String userId,
                                        String reason) {
}
