package cn.gov.jgsw.projections.vehicles.api;

import java.time.Instant;

/** What a bureau's vehicles did on trips that ended from {@code from} (inclusive) to {@code to} (exclusive). */
public record FindFleetUsageQuery(String tenantId, Instant from, Instant to) {
}
