package cn.gov.jgsw.ops.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What happens to a gap: a position reserved by a writer but not (yet) written.
 * <p>
 * A reader notes when it first saw each gap, on its own monotonic clock (so that clock skew between nodes changes
 * nothing). While the gap is younger than the timeout, events after it are delivered and the gap stays in the
 * tracking token, to be delivered when its commit lands. Once older, the reader seals it: it writes a tombstone at
 * that position. The position's unique {@code _id} decides the race for good: either the commit was there first
 * (the seal fails and the commit is read) or the tombstone was (the late commit fails, takes new positions and is
 * written again). So a slow writer never has a committed event skipped, and every reader sees the same history.
 */
final class GapSealing {

    private static final Logger logger = LoggerFactory.getLogger(GapSealing.class);

    private final MongoCollection<Document> log;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();

    GapSealing(MongoCollection<Document> log, Duration timeout, LongSupplier nanoTime, Clock clock) {
        this.log = log;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    /** Remembers when these gaps were first seen. */
    void noticed(Collection<Long> gaps) {
        long now = nanoTime.getAsLong();
        gaps.forEach(gap -> firstSeen.putIfAbsent(gap, now));
    }

    /** The position holds a document now; nothing to wait for. */
    void filled(long position) {
        firstSeen.remove(position);
    }

    /** Seals the gaps that have been open longer than the timeout. */
    void sealExpired(Collection<Long> gaps) {
        long now = nanoTime.getAsLong();
        for (Long gap : gaps) {
            Long seen = firstSeen.get(gap);
            if (seen != null && now - seen >= timeout.toNanos()) {
                seal(gap);
            }
        }
    }

    /**
     * Writes a tombstone at a position that stayed empty too long, unless a document is there by now; either way the
     * position is settled.
     *
     * @return true if this call sealed it
     */
    boolean seal(long position) {
        boolean sealed = writeTombstone(position);
        if (sealed) {
            logger.warn("Sealed event position {}: reserved but not written within {} (its writer died or stalled; a "
                    + "stalled writer writes again at new positions)", position, timeout);
        }
        return sealed;
    }

    /**
     * Seals positions whose writer is known to be gone (a run of the only writer that ended), without waiting.
     *
     * @return how many this call sealed
     */
    int sealAbandoned(Collection<Long> positions) {
        int sealed = 0;
        for (Long position : positions) {
            sealed += writeTombstone(position) ? 1 : 0;
        }
        if (sealed > 0) {
            logger.info("Sealed {} event positions the platform's last run reserved and did not write (the rest of "
                    + "its position block, and commits cut off if it was killed): {}", sealed, positions);
        }
        return sealed;
    }

    /**
     * A writer gives up positions it reserved and will never write (its commit failed for good), so that readers need
     * not wait the gap timeout for them.
     */
    void release(long firstPosition, int count) {
        for (long position = firstPosition; position < firstPosition + count; position++) {
            writeTombstone(position);
        }
    }

    private boolean writeTombstone(long position) {
        try {
            log.insertOne(new Document(EventDocument.POSITION, position)
                    .append(EventDocument.TOMBSTONE, true)
                    .append(EventDocument.COMMITTED_AT, Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        } finally {
            firstSeen.remove(position);
        }
    }

    Duration timeout() {
        return timeout;
    }
}
