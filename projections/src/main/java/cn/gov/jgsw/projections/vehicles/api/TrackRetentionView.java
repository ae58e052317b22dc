package cn.gov.jgsw.projections.vehicles.api;

import java.time.Duration;

/**
 * @param retention how long tracks are kept
 * @param version   the bureau's own setting's version, or null while the platform's applies
 */
public record TrackRetentionView(Duration retention, Long version) {
}
