package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau admin sets how long the bureau keeps its vehicles' tracks (轨迹保存期限). Tracks are personal data of the
 * drivers and passengers (PIPL Art. 28): kept as long as supervision needs, then deleted.
 *
 * @param retentionId {@link #idOf} the bureau
 * @param days        30 to 1,095 (three years)
 */
public record SetTrackRetentionCommand(@TargetAggregateIdentifier String retentionId, String tenantId, int days) {

    public static String idOf(String tenantId) {
        return "track-retention-" + tenantId;
    }
}
