package cn.gov.jgsw.projections.vehicles.api;

/**
 * What became of an accepted batch.
 *
 * @param accepted     positions kept now
 * @param duplicates   positions whose vehicle and moment were kept before (a retried batch), not kept again
 * @param late         kept positions older than the vehicle's newest, kept for the track but not judged by fences
 * @param alertsRaised alerts the batch raised
 */
public record IngestionReceipt(int accepted, int duplicates, int late, int alertsRaised) {
}
