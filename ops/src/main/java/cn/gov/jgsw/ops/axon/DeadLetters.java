package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.graphql.runtime.DeadLetteredObjects;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.InstantEntry;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The events the read models could not apply, held in their dead-letter queues (one per processor, in the collection
 * {@code deadletters}, sequenced per object): what is held and since when, a retry after a fix, and an eviction with a
 * recorded reason ({@code dead_letter_evictions}). The events themselves stay in the event log and the audit ledger
 * whatever happens here: a queue only holds back what a read model shows.
 */
public class DeadLetters implements DeadLetteredObjects {

    static final String COLLECTION = "deadletters";
    static final String EVICTIONS = "dead_letter_evictions";
    private static final String OBJECT_ID = "message.aggregateIdentifier";
    private static final int LETTERS_SHOWN = 50;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> letters;
    private final MongoCollection<Document> evictions;
    private final Clock clock;

    DeadLetters(EventProcessingConfiguration processing, MongoDatabase platformDatabase, Clock clock) {
        this.processing = processing;
        this.letters = platformDatabase.getCollection(COLLECTION);
        this.evictions = platformDatabase.getCollection(EVICTIONS);
        this.clock = clock;
    }

    /**
     * Asked only by a mutation whose view is a second late or was told of a letter; the queues are small and have no
     * index on the object (the embedded store cannot index a field inside the letter's message), so this reads them.
     */
    @Override
    public boolean holdEventsOf(String aggregateId) {
        return letters.find(Filters.eq(OBJECT_ID, aggregateId)).projection(Projections.include("_id")).limit(1)
                .first() != null;
    }

    /** How much each processor holds back: letters, objects and the oldest letter's time; only processors holding. */
    public Map<String, Held> held() {
        Map<String, Held> held = new TreeMap<>();
        Map<String, Set<String>> objects = new TreeMap<>();
        for (Document letter : letters.find().projection(Projections.include("processingGroup",
                "sequenceIdentifier", "enqueuedAt"))) {
            String processor = letter.getString("processingGroup");
            Instant enqueuedAt = new InstantEntry(letter.get("enqueuedAt", Document.class)).getInstant();
            objects.computeIfAbsent(processor, name -> new HashSet<>()).add(letter.getString("sequenceIdentifier"));
            held.merge(processor, new Held(1, 0, enqueuedAt), (known, one) -> new Held(known.letters() + 1, 0,
                    known.oldest().isBefore(one.oldest()) ? known.oldest() : one.oldest()));
        }
        held.replaceAll((processor, known) -> new Held(known.letters(), objects.get(processor).size(),
                known.oldest()));
        return held;
    }

    /** How many letters a processor holds now: one count of its queue. */
    public long lettersHeldBy(String processor) {
        return queueOf(processor).size();
    }

    /** The letters a processor holds, the oldest objects first, each object's letters in order (the first 50). */
    public List<Map<String, Object>> lettersOf(String processor) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queueOf(processor).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (shown.size() == LETTERS_SHOWN) {
                    return shown;
                }
                shown.add(describe(letter));
            }
        }
        return shown;
    }

    /**
     * Hands every object a processor holds back to its read model again, oldest first: an object's letters are
     * applied in order until one fails again, which then stays with those behind it.
     *
     * @return how many objects were applied whole
     */
    public int retry(String processor) {
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new UnknownProcessorException(processor));
        long objects = queueOf(processor).amountOfSequences();
        int applied = 0;
        for (long tried = 0; tried < objects; tried++) {
            if (retrier.processAny()) {
                applied++;
            }
        }
        log.warn("Dead letters of {} retried: {} of {} objects applied whole", processor, applied, objects);
        return applied;
    }

    /**
     * Drops one letter, for an event its read model shall never show (the operator has decided it cannot be
     * applied, and why); the object's later letters stay until retried. Recorded with who, when and why.
     *
     * @return whether the processor held that event
     */
    public boolean evict(String processor, String eventId, String reason, String operator) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an eviction needs a reason");
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(processor);
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(eventId)) {
                    evictions.insertOne(new Document(describe(letter)).append("processor", processor)
                            .append("reason", reason.strip()).append("operator", operator)
                            .append("evictedAt", Date.from(clock.instant())));
                    queue.evict(letter);
                    log.warn("Dead letter evicted by {} from {}: event {} of object {} ({})", operator, processor,
                            eventId, objectOf(letter.message()).orElse("-"), reason.strip());
                    return true;
                }
            }
        }
        return false;
    }

    /** The evictions recorded, newest first (the first 50). */
    public List<Document> evictions() {
        return evictions.find().sort(Indexes.descending("evictedAt")).limit(LETTERS_SHOWN)
                .projection(Projections.excludeId()).into(new ArrayList<>());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() -> new UnknownProcessorException(processor));
    }

    private static Map<String, Object> describe(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("eventId", event.getIdentifier());
        described.put("eventType", event.getPayloadType().getSimpleName());
        described.put("objectId", objectOf(event).orElse(null));
        described.put("objectSequence", event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getSequenceNumber() : null);
        described.put("enqueuedAt", letter.enqueuedAt().toString());
        described.put("cause", letter.cause().map(cause -> cause.type() + ": " + cause.message())
                .orElse("held behind an earlier event of the object"));
        return described;
    }

    private static Optional<String> objectOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? Optional.of(domainEvent.getAggregateIdentifier()) : Optional.empty();
    }

    /** What one processor holds back. */
    public record Held(long letters, long objects, Instant oldest) {

        public Duration age(Clock clock) {
            return Duration.between(oldest, clock.instant());
        }
    }

    /** No processor of that name keeps a dead-letter queue. */
    public static final class UnknownProcessorException extends IllegalArgumentException {
        UnknownProcessorException(String processor) {
            super("no read model named " + processor + " keeps a dead-letter queue");
        }
    }
}
