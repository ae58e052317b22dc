package cn.gov.jgsw.projections.vehicles.api;

import java.util.List;

/** Where the machine door hands a gateway's batch of positions. */
public interface PositionIntake {

    /** The largest batch taken. */
    int LARGEST_BATCH = 1_000;

    /**
     * Keeps the batch whole and judges it by the fences, or refuses it whole.
     *
     * @param tenantId the gateway's bureau, from its token
     * @param clientId the integration client sending, from its token
     * @throws RefusedBatch if any position is wrong; nothing is kept then
     */
    IngestionReceipt ingest(String tenantId, String clientId, List<ReportedPosition> batch);
}
