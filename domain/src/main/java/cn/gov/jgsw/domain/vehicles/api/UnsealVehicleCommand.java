package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Lifts a sealing before its end (启封), e.g. for an emergency; the reason is required and recorded.
 *
 * @param liftedAt from when the vehicle may be used again (edge clock)
 */
public record UnsealVehicleCommand(@TargetAggregateIdentifier String vehicleId, String tenantId, String sealId,
                                   String reason, Instant liftedAt) {
}
