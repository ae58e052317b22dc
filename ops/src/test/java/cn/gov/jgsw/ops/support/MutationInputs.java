package cn.gov.jgsw.ops.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The input of a mutation as the app sends it: a fresh idempotency key and the given fields. */
public final class MutationInputs {

    private MutationInputs() {
    }

    /** A mutable map, so that a test may add a null or change a field afterwards. */
    public static Map<String, Object> withKey(Object... pairs) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idempotencyKey", UUID.randomUUID().toString());
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    /**
     * A drill's n-th vehicle order: a day from 30 to 329 days ahead (never in the past, rarely the same vehicle
     * twice), nine to eleven in the morning, one passenger, the purpose naming the drill and n.
     */
    public static Map<String, Object> drillOrder(String drill, int n) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30 + n % 300)
                .truncatedTo(ChronoUnit.HOURS).withHour(9);
        return withKey("purpose", drill + " " + n, "origin", "区政府", "destination", "市局",
                "plannedStart", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start),
                "plannedEnd", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusHours(2)), "passengerCount", 1);
    }
}
