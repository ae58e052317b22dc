package cn.gov.jgsw.ops.support.isolation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What a request stored, read from the event log. Every event gets the next global position, handed out by the one
 * counter in {@code event_positions}; events are never deleted. So the events a request stored are the events at the
 * positions handed out while it ran, and "the bureau's (or aggregate's) event count is unchanged" is "none of those
 * events is the bureau's (or aggregate's)". Counting every event of a bureau before and after each request would say
 * the same, but the embedded server answers a count by reading the whole log.
 */
final class EventLog {

    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> events;

    EventLog(MongoDatabase database) {
        this.positions = database.getCollection("event_positions");
        this.events = database.getCollection("event_log");
    }

    /** The last position handed out, written or not. */
    long lastPosition() {
        Document counter = positions.find(Filters.eq("_id", "global")).first();
        return counter == null ? 0 : counter.getLong("last");
    }

    /** The events stored at the positions after {@code after} up to {@code upTo}; sealed gaps are no events. */
    List<StoredEvent> storedBetween(long after, long upTo) {
        if (upTo <= after) {
            return List.of();
        }
        List<Long> handedOut = LongStream.rangeClosed(after + 1, upTo).boxed().toList();
        List<StoredEvent> stored = new ArrayList<>();
        for (Document event : events.find(Filters.in("_id", handedOut))) {
            if (!Boolean.TRUE.equals(event.getBoolean("tombstone"))) {
                Document metaData = event.get("metaData", Document.class);
                stored.add(new StoredEvent(event.getString("tenantId"), event.getString("aggregateIdentifier"),
                        event.getString("payloadType"),
                        metaData == null ? null : metaData.getString("idempotencyKey"),
                        metaData == null ? null : metaData.getString("userId")));
            }
        }
        return stored;
    }

    /** One stored event, as much of it as a leak report needs. */
    record StoredEvent(String tenantId, String aggregateIdentifier, String payloadType, String idempotencyKey,
                       String userId) {

        @Override
        public String toString() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1) + " of " + aggregateIdentifier + " in "
                    + tenantId;
        }
    }
}
