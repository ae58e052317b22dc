package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a vehicle off the fleet for good (车辆报废/处置): it stays on the ledger, marked retired, and is never dispatched
 * again. Refused while it is promised to an order.
 *
 * @param reason why, up to 200 characters; required
 */
public record RetireVehicleCommand(@TargetAggregateIdentifier String vehicleId, String tenantId, String reason) {
}
