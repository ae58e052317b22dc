package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Raises an alert and opens its case (告警并立案). The case id is derived from the vehicle, the rule and the first fix
 * of the episode, so the same episode raised twice (a retried batch, two nodes) opens one case.
 *
 * @param fixes    the fixes that raised it, oldest first
 * @param evidence what the rule saw, in words: distances, the parking spot, the calendar's verdict
 */
public record RaiseVehicleAlertCommand(@TargetAggregateIdentifier String caseId, String tenantId, String vehicleId,
                                       VehicleRule rule, int ruleVersion, List<PositionFix> fixes,
                                       String evidence) {
}
