package cn.gov.jgsw.domain.vehicles.api;

/** The bureau keeps its vehicles' tracks for {@code days} from now on; older tracks are deleted. */
public record TrackRetentionSetEvent(String retentionId, String tenantId, int days) {
}
