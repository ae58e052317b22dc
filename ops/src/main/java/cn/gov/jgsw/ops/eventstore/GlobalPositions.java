package cn.gov.jgsw.ops.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * The global position counter (全局序号): one document, incremented by the number of events a commit needs. One
 * counter per cell is a serialization point of a few thousand commits a second (ARCHITECTURE.md); ADR 0005 compares it
 * with an in-process allocator.
 * <p>
 * Reservations of one node are made one at a time. Real MongoDB would not need it, but mongo-java-server increments
 * atomically and yet answers concurrent {@code findOneAndUpdate}s with each other's results: measured, 16 threads
 * doing 4,800 increments got 56 (memory backend) and 96 (H2) duplicate values, each leaving a position nobody holds.
 * The engine would survive that (a duplicate position fails on {@code _id} and is retried; an orphan is sealed as a
 * gap), but at the price of retries and tombstones. Nodes of a cluster use real MongoDB, where the increment is atomic.
 */
final class GlobalPositions {

    static final String COLLECTION = "event_positions";
    private static final String COUNTER = "global";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;

    GlobalPositions(MongoDatabase database) {
        this.counters = database.getCollection(COLLECTION);
        try {
            counters.insertOne(new Document("_id", COUNTER).append(LAST, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Reserves {@code count} consecutive positions and returns the first; positions start at 1. */
    synchronized long reserve(int count) {
        Document counter = counters.findOneAndUpdate(eq("_id", COUNTER), Updates.inc(LAST, (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return counter.getLong(LAST) - count + 1;
    }

    /** The last position handed out, written or not. */
    long last() {
        Document counter = counters.find(eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.getLong(LAST);
    }
}
