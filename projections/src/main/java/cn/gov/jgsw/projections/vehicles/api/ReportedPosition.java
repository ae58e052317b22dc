package cn.gov.jgsw.projections.vehicles.api;

import java.time.Instant;

/**
 * A position as a terminal's gateway reports it; any field may be missing or wrong until checked.
 *
 * @param time           when the terminal took the fix
 * @param latitude       WGS-84 degrees
 * @param longitude      WGS-84 degrees
 * @param speedKmh       optional
 * @param accuracyMetres the horizontal accuracy estimate
 */
public record ReportedPosition(String vehicleId, Instant time, Double latitude, Double longitude, Double speedKmh,
                               Double accuracyMetres) {
}
