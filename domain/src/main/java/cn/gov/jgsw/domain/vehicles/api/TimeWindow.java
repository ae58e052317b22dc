package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;

/**
 * A period of planned use, start inclusive, end exclusive, as instants (UTC; shown in Asia/Shanghai).
 *
 * @param start when the use begins
 * @param end   when the use ends; after {@code start}
 */
public record TimeWindow(Instant start, Instant end) {

    /** True if the two periods share any moment. Back-to-back periods (one ends when the other starts) do not. */
    public boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
