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
 * <p>
 * A store with one writer process (the embedded default, whose file is locked to its process) takes positions in
 * blocks: the counter moves once per block, and the positions of a block are handed out in memory. On the embedded
 * server every write waits for a commit of the store file, so with a write per commit under this lock, appends
 * queued behind each other's commits; with blocks no thread waits on this lock, and the store file's commits are the
 * next limit (measured: BENCHMARKS.md). What a run leaves of its last block is never written; the next start
 * seals it with the crash's leftovers ({@link EventLogStorageEngine#sealWhatAnEarlierRunLeftOpen()}).
 */
final class GlobalPositions {

    static final String COLLECTION = "event_positions";
    private static final String COUNTER = "global";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;
    private final int blockSize;
    /** The last position handed out, and the last one the counter holds for this process (block mode). */
    private long lastHandedOut;
    private long blockEnd;

    /** A counter shared by the nodes of a cluster. */
    GlobalPositions(MongoDatabase database) {
        this(database, 1);
    }

    /**
     * @param blockSize 1 for a counter shared by the nodes of a cluster; more only for a store no other process writes
     */
    GlobalPositions(MongoDatabase database, int blockSize) {
        this.counters = database.getCollection(COLLECTION);
        this.blockSize = blockSize;
        try {
            counters.insertOne(new Document("_id", COUNTER).append(LAST, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        this.lastHandedOut = stored();
        this.blockEnd = lastHandedOut;
    }

    /** Reserves {@code count} consecutive positions and returns the first; positions start at 1. */
    synchronized long reserve(int count) {
        if (blockSize == 1) {
            return increment(count) - count + 1;
        }
        if (lastHandedOut + count > blockEnd) {
            long size = Math.max(blockSize, count);
            long newEnd = increment(size);
            if (newEnd - size != blockEnd) {
                // Someone else moved the counter: the rest of the old block is left for sealing, the new one used.
                lastHandedOut = newEnd - size;
            }
            blockEnd = newEnd;
        }
        long first = lastHandedOut + 1;
        lastHandedOut += count;
        return first;
    }

    /** The last position handed out, written or not. */
    synchronized long last() {
        return blockSize == 1 ? stored() : lastHandedOut;
    }

    /**
     * The highest position that may hold an event, as far as this process can tell without asking the store: in block
     * mode the last one it handed out, since no other process writes; with a shared counter there is no such bound
     * short of reading the counter, and {@link Long#MAX_VALUE} says so.
     */
    synchronized long highestPossible() {
        return blockSize == 1 ? Long.MAX_VALUE : lastHandedOut;
    }

    private long increment(long count) {
        Document counter = counters.findOneAndUpdate(eq("_id", COUNTER), Updates.inc(LAST, count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return counter.getLong(LAST);
    }

    private long stored() {
        Document counter = counters.find(eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.getLong(LAST);
    }
}
