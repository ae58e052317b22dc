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
 * The global position counter (全局序号): one document, incremented atomically by the number of events a commit
 * needs. One counter per cell is a serialization point of a few thousand commits a second (ARCHITECTURE.md); ADR 0005
 * compares it with an in-process allocator.
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
    long reserve(int count) {
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
