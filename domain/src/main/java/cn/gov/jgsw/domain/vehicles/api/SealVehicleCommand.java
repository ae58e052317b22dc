package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Seals a vehicle for a period (节假日封存): it is not dispatched then, and any movement raises an alert.
 *
 * @param sealId a new id for this sealing, derived from the request
 * @param period from when to when, at most 30 days
 * @param reason why, e.g. 国庆节封存, up to 200 characters
 * @param requestedAt when it was asked for: a period already over by then is refused
 */
public record SealVehicleCommand(@TargetAggregateIdentifier String vehicleId, String tenantId, String sealId,
                                 TimeWindow period, String reason, Instant requestedAt) {
}
