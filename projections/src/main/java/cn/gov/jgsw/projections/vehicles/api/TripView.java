package cn.gov.jgsw.projections.vehicles.api;

import java.time.Instant;
import java.util.List;

/**
 * The trip of an order, as far as it went: the dispatch slip (派车单) figures.
 *
 * @param startOdometerKm odometer at start
 * @param startedAt       when it started
 * @param endOdometerKm   odometer at end, null while running
 * @param distanceKm      end minus start, null while running
 * @param fuelLitres      fuel used, decimal text, null while running
 * @param tollsFen        tolls in fen, null while running
 * @param endedAt         when it ended, null while running
 * @param refuellings     the refuellings recorded on it, oldest first
 * @param recordSequence  where its figures stand in the order's history (its end, or its latest correction), or
 *                        null while it runs: what a correction points at
 * @param corrections     the corrections of its figures, oldest first
 */
public record TripView(long startOdometerKm, Instant startedAt, Long endOdometerKm, Long distanceKm,
                       String fuelLitres, Long tollsFen, Instant endedAt, List<RefuellingView> refuellings,
                       Long recordSequence, List<Correction> corrections) {

    public TripView {
        refuellings = List.copyOf(refuellings);
        corrections = List.copyOf(corrections);
    }

    /** A correction of the trip's figures (更正). */
    public record Correction(long sequence, long correctedSequence, String reason, String correctorId) {
    }

    /** What the refuellings cost, fen. */
    public long fuelCostFen() {
        return refuellings.stream().mapToLong(RefuellingView::amountFen).sum();
    }

    /** The trip's cost so far (出车费用): fuel and tolls, fen. */
    public long costFen() {
        return fuelCostFen() + (tollsFen == null ? 0 : tollsFen);
    }
}
