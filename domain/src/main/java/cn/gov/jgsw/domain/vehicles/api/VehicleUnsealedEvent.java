package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;

/** A sealing was lifted before its end (启封); the vehicle may be used from {@code liftedAt}. */
public record VehicleUnsealedEvent(String vehicleId, String tenantId, String sealId, Instant liftedAt,
                                   String reason) {
}
