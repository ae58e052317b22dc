package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * @param timestamp       when it happened, as stored
     */
    public record StoredEvent(long position, String tenantId, String eventIdentifier, String storedSm3,
                              String recomputedSm3, String timestamp) {

        public boolean intact() {
            return storedSm3 != null && storedSm3.equals(recomputedSm3);
        }
    }

    /**
     * The stored events of the given (aggregate, sequence) pairs, by {@code <aggregate>#<sequence>}: one read by the
     * unique index, for a batch of tracked events (a tracking token's index is the highest position seen, not the
     * position of an event that filled a gap, so events are found by what they are).
     */
    public Map<String, StoredEvent> byAggregateSequence(Collection<String> aggregateSequences) {
        Map<String, StoredEvent> found = new HashMap<>();
        log.find(Filters.in(EventDocument.AGGREGATE_SEQUENCE, aggregateSequences)).forEach(stored -> {
            if (!Boolean.TRUE.equals(stored.getBoolean(EventDocument.TOMBSTONE))) {
                found.put(stored.getString(EventDocument.AGGREGATE_SEQUENCE), storedEvent(stored));
            }
        });
        return found;
    }

    /** {@code <aggregate>#<sequence>}, the key of {@link #byAggregateSequence}. */
    public static String aggregateSequence(String aggregateIdentifier, long sequenceNumber) {
        return EventDocument.aggregateSequence(aggregateIdentifier, sequenceNumber);
    }

    private static StoredEvent storedEvent(Document stored) {
        return new StoredEvent(stored.getLong(EventDocument.POSITION), stored.getString(EventDocument.TENANT_ID),
                stored.getString(EventDocument.EVENT_IDENTIFIER), stored.getString(EventDocument.SM3),
                CanonicalEventForm.sm3(stored), stored.getString(EventDocument.TIMESTAMP));
    }

    /** The event at the position, or empty for a gap or a position given up. */
    public Optional<StoredEvent> at(long position) {
        Document stored = log.find(Filters.eq(EventDocument.POSITION, position)).first();
        if (stored == null || Boolean.TRUE.equals(stored.getBoolean(EventDocument.TOMBSTONE))) {
            return Optional.empty();
        }
        return Optional.of(storedEvent(stored));
    }

    /**
     * The bureau's stored events from a position on, in the order of the log, as (position, event identifier,
     * timestamp): for an export to find events the ledger does not know.
     */
    public List<StoredEvent> ofTenantFrom(String tenantId, long fromPosition) {
        List<StoredEvent> events = new ArrayList<>();
        log.find(Filters.and(Filters.eq(EventDocument.TENANT_ID, tenantId),
                        Filters.gte(EventDocument.POSITION, fromPosition)))
                .sort(Sorts.ascending(EventDocument.POSITION))
                .forEach(stored -> {
                    if (!Boolean.TRUE.equals(stored.getBoolean(EventDocument.TOMBSTONE))) {
                        events.add(storedEvent(stored));
                    }
                });
        return events;
    }

    /** Where an event stands in the log, without its content. */
    public record StoredEventHeader(long position, String eventIdentifier, String timestamp) {
    }

    /**
     * The bureau's stored events up to a position, in the order of the log, by their position, id and time only (no
     * hashing, no payload): for an export to find events the ledger has passed without including.
     */
    public List<StoredEventHeader> headersOfTenantUpTo(String tenantId, long upToPosition) {
        List<StoredEventHeader> headers = new ArrayList<>();
        log.find(Filters.and(Filters.eq(EventDocument.TENANT_ID, tenantId),
                        Filters.lte(EventDocument.POSITION, upToPosition), Filters.ne(EventDocument.TOMBSTONE, true)))
                .projection(Projections.include(EventDocument.EVENT_IDENTIFIER, EventDocument.TIMESTAMP))
                .sort(Sorts.ascending(EventDocument.POSITION))
                .forEach(stored -> headers.add(new StoredEventHeader(stored.getLong(EventDocument.POSITION),
                        stored.getString(EventDocument.EVENT_IDENTIFIER), stored.getString(EventDocument.TIMESTAMP))));
        return headers;
    }

    /** The positions of the bureau's events of a type whose payload field has the value, in the order of the log. */
    public List<Long> positionsOf(String tenantId, String payloadType, String payloadField, Object value) {
        List<Long> positions = new ArrayList<>();
        log.find(Filters.and(Filters.eq(EventDocument.TENANT_ID, tenantId),
                        Filters.eq(EventDocument.PAYLOAD_TYPE, payloadType),
                        Filters.eq(EventDocument.PAYLOAD + "." + payloadField, value)))
                .sort(Sorts.ascending(EventDocument.POSITION))
                .forEach(stored -> positions.add(stored.getLong(EventDocument.POSITION)));
        return positions;
    }

    /** A whole-number field of the payload of the event at the position. */
    public Optional<Long> payloadLongAt(long position, String field) {
        Document stored = log.find(Filters.eq(EventDocument.POSITION, position)).first();
        Document payload = stored == null ? null : stored.get(EventDocument.PAYLOAD, Document.class);
        Object value = payload == null ? null : payload.get(field);
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /** The canonical bytes of the event at the position, for an export; empty for a gap. */
    public Optional<byte[]> canonicalFormAt(long position) {
        Document stored = log.find(Filters.eq(EventDocument.POSITION, position)).first();
        return stored == null || Boolean.TRUE.equals(stored.getBoolean(EventDocument.TOMBSTONE)) ? Optional.empty()
                : Optional.of(CanonicalEventForm.of(stored));
    }
}
