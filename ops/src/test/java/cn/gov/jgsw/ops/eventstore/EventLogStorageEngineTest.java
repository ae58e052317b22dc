package cn.gov.jgsw.ops.eventstore;

import cn.gov.jgsw.ops.eventstore.EventStoreServer.CounterMoved;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static cn.gov.jgsw.ops.eventstore.EventStoreServer.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogStorageEngineTest {

    private final EventStoreServer server = new EventStoreServer();
    private final MongoDatabase database = server.database();
    private final MongoCollection<Document> log = database.getCollection(EventLogStorageEngine.EVENT_LOG);
    private final AtomicLong nanoTime = new AtomicLong();
    private EventLogStorageEngine engine;

    @BeforeEach
    void startEngine() {
        engine = engineWith(AppendHook.NONE);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private EventLogStorageEngine engineWith(AppendHook hook) {
        EventLogStorageEngine built = server.engine(database).nanoTime(nanoTime::get).appendHook(hook)
                .aggregateBatchSize(4).trackingBatchSize(5).build();
        built.ensureIndexes();
        return built;
    }

    @Test
    void loadsAnAggregatesEventsInSequenceOrderAcrossBatches() {
        for (int sequence = 0; sequence < 10; sequence += 2) {
            engine.appendEvents(event("counter-1", sequence), event("other", sequence / 2), event("counter-1", sequence + 1));
        }

        assertThat(engine.readEvents("counter-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(engine.readEvents("counter-1", 7).asStream().map(e -> ((CounterMoved) e.getPayload()).step()))
                .containsExactly(7L, 8L, 9L);
    }

    @Test
    void keepsDecimalsExactAndTheTenantAtTopLevelWithTheSm3OfTheCanonicalForm() {
        engine.appendEvents(new GenericDomainEventMessage<>("Meter", "meter-1", 0,
                new MeterRead("meter-1", new BigDecimal("12.50"), List.of(1L, 2_000_000_000_000L)),
                Map.of("tenantId", "bureau-yunyan")));

        Document stored = log.find().first();
        assertThat(stored.getString("tenantId")).isEqualTo("bureau-yunyan");
        assertThat(stored.get("payload", Document.class).get("kwh")).isEqualTo(new Decimal128(new BigDecimal("12.50")));
        assertThat(stored.getString("sm3")).isEqualTo(CanonicalEventForm.sm3(stored)).hasSize(64);
        MeterRead read = (MeterRead) engine.readEvents("meter-1").next().getPayload();
        assertThat(read.kwh()).isEqualTo(new BigDecimal("12.50"));
        assertThat(read.readings()).containsExactly(1L, 2_000_000_000_000L);
    }

    @Test
    void aSecondCommitForATakenSequenceNumberIsAConcurrencyConflictAndStoresNothing() {
        engine.appendEvents(event("counter-1", 0), event("counter-1", 1));

        assertThatThrownBy(() -> engine.appendEvents(event("counter-2", 0), event("counter-1", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("counter-2").asStream()).isEmpty();
        assertThat(tracked(null)).hasSize(2);
        assertThat(log.countDocuments(new Document("tombstone", new Document("$ne", true)))).isEqualTo(2);
        assertThat(log.countDocuments(new Document("tombstone", true))).as("the refused commit's positions, given up")
                .isEqualTo(2);
    }

    @Test
    void refusesEventsWithoutATenantOrOfTwoTenantsInOneCommit() {
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Counter", "c", 0,
                new CounterMoved("c", 0, "1"), Map.of("userId", "u-1"))))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("carries no tenant");
        assertThatThrownBy(() -> engine.appendEvents(event("c", 0, "bureau-nanming", Instant.now()),
                event("d", 0, "bureau-zunyi", Instant.now())))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("several tenants");
        assertThat(log.countDocuments()).isZero();
    }

    /** An event about another bureau's object, appended for a caller of this bureau, is refused whatever came before. */
    @Test
    void refusesAnEventWhosePayloadNamesAnotherTenantThanTheCaller() {
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Order", "order-zunyi-1", 0,
                new OrderApproved("order-zunyi-1", "bureau-zunyi"), Map.of("tenantId", "bureau-guiyang"))))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("belongs to bureau-zunyi");
        assertThat(log.countDocuments(new Document("tombstone", new Document("$ne", true)))).isZero();

        engine.appendEvents(new GenericDomainEventMessage<>("Order", "order-zunyi-1", 0,
                new OrderApproved("order-zunyi-1", "bureau-zunyi"), Map.of("tenantId", "bureau-zunyi")));
        assertThat(log.countDocuments(new Document("tombstone", new Document("$ne", true)))).isEqualTo(1);
    }

    record OrderApproved(String orderId, String tenantId) {
    }

    @Test
    void deliversAnEventWrittenLateIntoAGapWithoutSkippingIt() throws Exception {
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holdFirst = new AtomicBoolean(true);
        EventLogStorageEngine slowWriter = engineWith((first, count) -> {
            if (holdFirst.getAndSet(false)) {
                reserved.countDown();
                await(release);
            }
        });
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> slowWriter.appendEvents(event("late", 0)));
        await(reserved);
        engine.appendEvents(event("early", 0));

        List<? extends TrackedEventMessage<?>> first = tracked(null);
        assertThat(first).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).containsExactly("early");
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(0).trackingToken();
        assertThat(token.getGaps()).containsExactly(1L);

        release.countDown();
        late.get(10, TimeUnit.SECONDS);
        assertThat(tracked(token)).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                .containsExactly("late");
    }

    @Test
    void aWriterSlowerThanTheGapTimeoutLosesItsPositionsAndWritesAgainAfterTheOthers() {
        AtomicBoolean sealFirst = new AtomicBoolean(true);
        EventLogStorageEngine overtaken = engineWith((first, count) -> {
            if (sealFirst.getAndSet(false)) {
                engine.appendEvents(event("punctual", 0));
                List<? extends TrackedEventMessage<?>> seen = tracked(null);
                nanoTime.addAndGet(Duration.ofSeconds(1).toNanos());
                tracked(seen.get(0).trackingToken());
            }
        });

        overtaken.appendEvents(event("slow", 0), event("slow", 1));

        assertThat(log.find(new Document("tombstone", true)).into(new ArrayList<>()))
                .extracting(tombstone -> tombstone.getLong("_id")).containsExactly(1L, 2L);
        assertThat(tracked(null)).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                .containsExactly("punctual", "slow", "slow");
        assertThat(engine.readEvents("slow").asStream()).hasSize(2);
    }

    @Test
    void aHalfWrittenCommitStaysInvisibleIsSealedAfterTheTimeoutAndFreesItsSequenceNumbers() {
        writeOnlyFirstEventOfACommitOfTwo(event("torn", 0));
        engine.appendEvents(event("after", 0));

        List<? extends TrackedEventMessage<?>> seen = tracked(null);
        assertThat(seen).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).containsExactly("after");
        assertThat(engine.readEvents("torn").asStream()).isEmpty();

        nanoTime.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(tracked(seen.get(0).trackingToken())).isEmpty();
        assertThat(log.countDocuments(new Document("tombstone", true))).isZero();

        nanoTime.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(tracked(seen.get(0).trackingToken())).isEmpty();
        assertThat(log.countDocuments(new Document("tombstone", true))).isEqualTo(1);
        engine.appendEvents(event("later", 0));
        assertThat(tracked(seen.get(0).trackingToken()))
                .extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).containsExactly("later");

        engine.appendEvents(event("torn", 0));
        assertThat(engine.readEvents("torn").asStream()).hasSize(1);
    }

    @Test
    void aWriterMeetingAHalfWrittenCommitWaitsForItThenSealsItOnceItIsOlderThanTheGapTimeout() {
        // Stamped a minute ahead: a pause of the test's own (a collection, a loaded machine) must not age it past
        // the gap timeout before the writer meets it.
        long torn = writeOnlyFirstEventOfACommitOfTwo(event("torn", 0), new Date(System.currentTimeMillis() + 60_000));
        assertThatThrownBy(() -> engine.appendEvents(event("torn", 0)))
                .as("its writer may still be busy").isInstanceOf(AggregateStreamCreationException.class);

        log.updateOne(new Document("aggregateSequence", "torn#0"),
                new Document("$set", new Document("committedAt", new Date(System.currentTimeMillis() - 60_000))));
        engine.appendEvents(event("torn", 0));

        assertThat(engine.readEvents("torn").asStream()).hasSize(1);
        assertThat(log.find(new Document("_id", torn + 1)).first()).containsEntry("tombstone", true);
        assertThat(log.find(new Document("_id", torn)).first()).as("the torn commit's event, removed")
                .containsEntry("tombstone", true);
    }

    private void writeOnlyFirstEventOfACommitOfTwo(EventMessage<?> written) {
        writeOnlyFirstEventOfACommitOfTwo(written, new Date());
    }

    /**
     * What a writer that died inside its insert leaves: the commit's first event, its second position empty. Answers
     * the commit's first position.
     */
    private long writeOnlyFirstEventOfACommitOfTwo(EventMessage<?> written, Date committedAt) {
        long first = new GlobalPositions(database).reserve(2);
        Document document = EventDocument.of(written, EventStoreServer.SERIALIZER)
                .append("_id", first).append("commitFirst", first).append("commitSize", 2)
                .append("committedAt", committedAt);
        log.insertOne(document);
        return first;
    }

    @Test
    void loadsFromTheNewestSnapshotAndIgnoresAnOlderOne() {
        for (int sequence = 0; sequence < 6; sequence++) {
            engine.appendEvents(event("counter-1", sequence));
        }
        engine.storeSnapshot(snapshot("counter-1", 3));
        engine.storeSnapshot(snapshot("counter-1", 1));

        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            assertThat(eventStore.readEvents("counter-1").asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactly(3L, 4L, 5L);
        } finally {
            eventStore.shutDown();
        }
        assertThat(database.getCollection(EventLogStorageEngine.SNAPSHOTS).find().first())
                .containsEntry("tenantId", EventStoreServer.TENANT).containsEntry("sequenceNumber", 3L);
    }

    private static DomainEventMessage<CounterMoved> snapshot(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence, new CounterMoved(aggregate, sequence, "s"));
    }

    @Test
    void findsTheLastSequenceNumber() {
        for (int sequence = 0; sequence < 38; sequence++) {
            engine.appendEvents(event("counter-1", sequence));
        }

        assertThat(engine.lastSequenceNumberFor("counter-1")).contains(37L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void aHeadTokenKeepsPositionsStillBeingWrittenAsGaps() {
        engine.appendEvents(event("a", 0));
        new GlobalPositions(database).reserve(1);
        engine.appendEvents(event("b", 0));

        GapAwareTrackingToken head = (GapAwareTrackingToken) engine.createHeadToken();

        assertThat(head.getIndex()).isEqualTo(3);
        assertThat(head.getGaps()).containsExactly(2L);
    }

    private List<? extends TrackedEventMessage<?>> tracked(TrackingToken after) {
        return engine.readEvents(after, false).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record MeterRead(String meter, BigDecimal kwh, List<Long> readings) {
    }
}
