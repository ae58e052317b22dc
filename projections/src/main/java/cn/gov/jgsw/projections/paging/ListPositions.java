package cn.gov.jgsw.projections.paging;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;

/**
 * Positions in the read models' lists, which are ordered by an instant and then by id: {@code epochMillis:id}. The
 * API hands them out inside signed cursors, so a position read back here is one this module wrote.
 */
public final class ListPositions {

    private ListPositions() {
    }

    public static String of(Instant key, String id) {
        return key.toEpochMilli() + ":" + id;
    }

    /** Entries strictly after the position, in a list sorted by {@code sortField} and then {@code _id}. */
    public static Bson after(String position, String sortField, boolean descending) {
        int colon = position.indexOf(':');
        Date key = new Date(Long.parseLong(position.substring(0, colon)));
        String id = position.substring(colon + 1);
        return descending
                ? Filters.or(Filters.lt(sortField, key), Filters.and(Filters.eq(sortField, key), Filters.lt("_id", id)))
                : Filters.or(Filters.gt(sortField, key), Filters.and(Filters.eq(sortField, key), Filters.gt("_id", id)));
    }
}
