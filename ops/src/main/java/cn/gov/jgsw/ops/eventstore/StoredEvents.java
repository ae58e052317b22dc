package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Optional;

/**
 * Stored events as the audit ledger sees them: the document at a position of the log, with the SM3 hash stored at
 * append beside the hash of its canonical form recomputed now, so that the ledger includes an event only if the two
 * agree.
 */
public final class StoredEvents {

    private final MongoCollection<Document> log;

    public StoredEvents(MongoDatabase database) {
        this.log = database.getCollection(EventLogStorageEngine.EVENT_LOG);
    }

    /**
     * One stored event.
     *
     * @param position        its global position
     * @param tenantId        the bureau it belongs to
     * @param eventIdentifier its id
     * @param storedSm3       the hash stored at append, hex
     * @param recomputedSm3   the hash of its canonical form as stored now, hex
     */
    public record StoredEvent(long position, String tenantId, String eventIdentifier, String storedSm3,
                              String recomputedSm3) {

        public boolean intact() {
            return storedSm3 != null && storedSm3.equals(recomputedSm3);
        }
    }

    /** The event at the position, or empty for a gap or a position given up. */
    public Optional<StoredEvent> at(long position) {
        Document stored = log.find(Filters.eq(EventDocument.POSITION, position)).first();
        if (stored == null || Boolean.TRUE.equals(stored.getBoolean(EventDocument.TOMBSTONE))) {
            return Optional.empty();
        }
        return Optional.of(new StoredEvent(position, stored.getString(EventDocument.TENANT_ID),
                stored.getString(EventDocument.EVENT_IDENTIFIER), stored.getString(EventDocument.SM3),
                CanonicalEventForm.sm3(stored)));
    }

    /** The canonical bytes of the event at the position, for an export; empty for a gap. */
    public Optional<byte[]> canonicalFormAt(long position) {
        Document stored = log.find(Filters.eq(EventDocument.POSITION, position)).first();
        return stored == null || Boolean.TRUE.equals(stored.getBoolean(EventDocument.TOMBSTONE)) ? Optional.empty()
                : Optional.of(CanonicalEventForm.of(stored));
    }
}
