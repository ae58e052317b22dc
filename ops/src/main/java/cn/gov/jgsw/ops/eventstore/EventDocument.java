package cn.gov.jgsw.ops.eventstore;

import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import java.time.Instant;
import java.util.Objects;

/**
 * How one event is stored: a document of the {@code event_log} collection (and, with the aggregate id as {@code _id},
 * of {@code event_snapshots}). Field by field, with the reasons, in {@code docs/event-store.md}.
 */
final class EventDocument {

    static final String POSITION = "_id";
    static final String TENANT_ID = "tenantId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    /** {@code <aggregate id>#<sequence number>}: the one field a unique index can enforce and look up with {@code $in}. */
    static final String AGGREGATE_SEQUENCE = "aggregateSequence";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String SM3 = "sm3";
    static final String COMMIT_FIRST = "commitFirst";
    static final String COMMIT_SIZE = "commitSize";
    static final String COMMITTED_AT = "committedAt";
    /** The event's own statement of its tenant: every event of the domain names the bureau of its aggregate. */
    static final String PAYLOAD_TENANT_ID = "tenantId";
    /** Marks a position given up for good (封位): its commit failed or its writer died. */
    static final String TOMBSTONE = "tombstone";

    private EventDocument() {
    }

    /**
     * The stored form of an aggregate's event, without its position. Refuses an event that belongs to no aggregate or
     * no tenant, and one whose payload names another tenant than the caller's: the audit trail has no place for any.
     */
    static Document of(EventMessage<?> event, Serializer serializer) {
        if (!(event instanceof DomainEventMessage<?> domainEvent) || domainEvent.getAggregateIdentifier() == null) {
            throw new EventStoreException("Only events of an aggregate are stored; " + event.getPayloadType().getName()
                    + " has none");
        }
        Object tenantId = event.getMetaData().get(AuditMetadataKeys.TENANT_ID);
        if (!(tenantId instanceof String tenant) || tenant.isBlank()) {
            throw new EventStoreException("Event " + event.getPayloadType().getName() + " of aggregate "
                    + domainEvent.getAggregateIdentifier() + " carries no tenant; every stored event belongs to one");
        }
        Document document = of(domainEvent, serializer, tenant);
        Object payloadTenant = document.get(PAYLOAD) instanceof Document payload ? payload.get(PAYLOAD_TENANT_ID) : null;
        if (payloadTenant != null && !tenant.equals(payloadTenant)) {
            // The last line of tenant isolation: the aggregate answers "not found" to a caller of another bureau, and
            // should that check ever be missing, the record still does not take the event.
            throw new EventStoreException("Event " + event.getPayloadType().getName() + " of aggregate "
                    + domainEvent.getAggregateIdentifier() + " belongs to " + payloadTenant + " but the acting caller "
                    + "is of " + tenant + "; nobody acts on another bureau's objects");
        }
        return document;
    }

    /**
     * The stored form of a snapshot. Axon's snapshotter gives a snapshot no metadata, so its tenant is the one of the
     * aggregate's events, passed in.
     */
    static Document ofSnapshot(DomainEventMessage<?> snapshot, Serializer serializer, String tenant) {
        Document document = of(snapshot, serializer, tenant);
        document.remove(AGGREGATE_SEQUENCE);
        document.put(POSITION, snapshot.getAggregateIdentifier());
        return document;
    }

    private static Document of(DomainEventMessage<?> domainEvent, Serializer serializer, String tenant) {
        EventMessage<?> event = domainEvent;
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        Document document = new Document()
                .append(TENANT_ID, tenant)
                .append(AGGREGATE_TYPE, domainEvent.getType())
                .append(AGGREGATE_IDENTIFIER, domainEvent.getAggregateIdentifier())
                .append(SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                .append(AGGREGATE_SEQUENCE, aggregateSequence(domainEvent.getAggregateIdentifier(),
                        domainEvent.getSequenceNumber()))
                .append(EVENT_IDENTIFIER, event.getIdentifier())
                .append(TIMESTAMP, event.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, JsonBson.toBson(payload.getData()))
                .append(META_DATA, JsonBson.toBson(metaData.getData()));
        document.append(SM3, CanonicalEventForm.sm3(document));
        return document;
    }

    /**
     * The key of one aggregate event. Unambiguous although an aggregate id may contain {@code #}: the sequence number
     * after the last {@code #} has none.
     */
    static String aggregateSequence(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + '#' + sequenceNumber;
    }

    static boolean isTombstone(Document document) {
        return Boolean.TRUE.equals(document.getBoolean(TOMBSTONE));
    }

    static long position(Document document) {
        return document.getLong(POSITION);
    }

    static long commitFirst(Document document) {
        return document.getLong(COMMIT_FIRST);
    }

    static int commitSize(Document document) {
        return document.getInteger(COMMIT_SIZE);
    }

    /** The event as Axon reads it; payload and metadata stay JSON trees for the serializer. */
    static DomainEventData<JsonNode> toEventData(Document document) {
        return new StoredEvent(document);
    }

    private record StoredEvent(Document document) implements DomainEventData<JsonNode> {

        @Override
        public String getType() {
            return document.getString(AGGREGATE_TYPE);
        }

        @Override
        public String getAggregateIdentifier() {
            return document.getString(AGGREGATE_IDENTIFIER);
        }

        @Override
        public long getSequenceNumber() {
            return ((Number) document.get(SEQUENCE_NUMBER)).longValue();
        }

        @Override
        public String getEventIdentifier() {
            return document.getString(EVENT_IDENTIFIER);
        }

        @Override
        public Instant getTimestamp() {
            return Instant.parse(document.getString(TIMESTAMP));
        }

        @Override
        public SerializedObject<JsonNode> getMetaData() {
            return new SerializedMetaData<>(JsonBson.toJson(document.get(META_DATA)), JsonNode.class);
        }

        @Override
        public SerializedObject<JsonNode> getPayload() {
            return new SimpleSerializedObject<>(JsonBson.toJson(document.get(PAYLOAD)), JsonNode.class,
                    document.getString(PAYLOAD_TYPE), document.getString(PAYLOAD_REVISION));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredEvent stored
                    && Objects.equals(getEventIdentifier(), stored.getEventIdentifier());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(getEventIdentifier());
        }
    }
}
