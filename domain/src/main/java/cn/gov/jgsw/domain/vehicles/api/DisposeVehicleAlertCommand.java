package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau admin disposes of an alert's case (处置).
 *
 * @param reason why, up to 200 characters; required
 */
public record DisposeVehicleAlertCommand(@TargetAggregateIdentifier String caseId, String tenantId,
                                         String adminId, AlertDisposition disposition, String reason) {
}
