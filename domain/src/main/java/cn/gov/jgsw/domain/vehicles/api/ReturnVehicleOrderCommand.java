package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approver sends an order back to its requester for changes (退回修改), through the approvals inbox. The order ends
 * here; the requester places a changed one.
 *
 * @param approverId the approver
 * @param comment    what to change, required
 */
public record ReturnVehicleOrderCommand(@TargetAggregateIdentifier String orderId, String tenantId, String approverId,
                                        String comment) {
}
