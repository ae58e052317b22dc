package cn.gov.jgsw.projections.vehicles.api;

import java.time.Instant;

/** A vehicle's track of a bureau from {@code from} (inclusive) to {@code to} (exclusive). */
public record FindTrackQuery(String tenantId, String vehicleId, Instant from, Instant to) {
}
