package cn.gov.jgsw.ops.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

/**
 * Axon's storage engine on the MongoDB driver: the platform's event store (事件库).
 * <p>
 * Every event gets a global position from {@link GlobalPositions} and is one document of {@code event_log} with that
 * position as {@code _id}. Tracking processors read by position with {@link GapAwareTrackingToken}s: a position that
 * is reserved but not yet written is a gap, remembered in the token and delivered when it lands, or sealed with a
 * tombstone after the gap timeout ({@link GapSealing}). Events of one commit become visible together ({@link Commits}).
 * Two commits for the same aggregate sequence number cannot both be stored: the unique index on
 * {@code aggregateSequence} refuses the second, which Axon reports as a concurrency conflict.
 * <p>
 * Every query names exact values of a unique index ({@code _id} or {@code aggregateSequence}), so it is an index
 * lookup on real MongoDB and on the embedded server alike. Format and reasons: {@code docs/event-store.md}, ADR 0005.
 */
public class EventLogStorageEngine extends AbstractEventStorageEngine {

    private static final Logger logger = LoggerFactory.getLogger(EventLogStorageEngine.class);

    public static final String EVENT_LOG = "event_log";
    public static final String SNAPSHOTS = "event_snapshots";
    /** A commit that lost its positions to a seal is retried with new ones, at most this often. */
    private static final int APPEND_ATTEMPTS = 5;
    /** How far below the last reserved position a head token looks for positions still being written. */
    private static final int HEAD_LOOKBACK = 256;

    private final MongoCollection<Document> log;
    private final MongoCollection<Document> snapshots;
    private final GlobalPositions positions;
    private final GapSealing gaps;
    private final Commits commits;
    private final Clock clock;
    private final int trackingBatchSize;
    private final int aggregateBatchSize;
    private final AppendHook appendHook;

    protected EventLogStorageEngine(Builder builder) {
        super(builder);
        this.log = builder.database.getCollection(EVENT_LOG);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.positions = new GlobalPositions(builder.database, builder.positionBlock);
        this.clock = builder.clock;
        this.gaps = new GapSealing(log, builder.gapTimeout, builder.nanoTime, builder.clock);
        this.commits = new Commits(log);
        this.trackingBatchSize = builder.trackingBatchSize;
        this.aggregateBatchSize = builder.aggregateBatchSize;
        this.appendHook = builder.appendHook;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the indexes every query of this engine needs on real MongoDB. The embedded server only uses the unique
     * ones; the others cost it a little per write and serve production.
     */
    public void ensureIndexes() {
        log.createIndex(Indexes.ascending(EventDocument.AGGREGATE_SEQUENCE),
                new IndexOptions().unique(true).sparse(true).name("aggregate_sequence"));
        log.createIndex(Indexes.ascending(EventDocument.TENANT_ID, EventDocument.POSITION),
                new IndexOptions().name("tenant_position"));
        log.createIndex(Indexes.ascending(EventDocument.COMMITTED_AT), new IndexOptions().name("committed_at"));
    }

    // ---- appending -------------------------------------------------------------------------------------------------

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> documents = events.stream().map(event -> EventDocument.of(event, serializer)).toList();
        requireOneTenant(documents);
        for (int attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
            long first = positions.reserve(documents.size());
            Date committedAt = Date.from(clock.instant());
            for (int i = 0; i < documents.size(); i++) {
                documents.get(i)
                        .append(EventDocument.POSITION, first + i)
                        .append(EventDocument.COMMIT_FIRST, first)
                        .append(EventDocument.COMMIT_SIZE, documents.size())
                        .append(EventDocument.COMMITTED_AT, committedAt);
            }
            appendHook.positionsReserved(first, documents.size());
            try {
                log.insertMany(documents, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                Document refused = documents.get(error.getIndex());
                boolean duplicate = ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
                boolean positionLost = duplicate && positionTaken(refused);
                // An ordered insert stops at the first error: this commit can never complete. Its written part goes,
                // and its positions are given up at once rather than left for readers to wait on.
                removeVoidCommit(documents.subList(0, error.getIndex()), first);
                gaps.release(first, documents.size());
                if (!duplicate) {
                    throw new EventStoreException("Events of a commit could not be written: " + error.getMessage(), e);
                }
                if (positionLost) {
                    logger.info("A commit of {} events lost position {} to a seal or another writer; writing it again",
                            documents.size(), refused.get(EventDocument.POSITION));
                    continue;
                }
                if (!removeVoidOccupant(refused)) {
                    handlePersistenceException(
                            new AggregateSequenceTaken(refused.getString(EventDocument.AGGREGATE_SEQUENCE)),
                            events.get(error.getIndex()));
                }
            }
        }
        throw new EventStoreException("A commit lost its positions " + APPEND_ATTEMPTS + " times in a row; the store "
                + "is sealing positions faster than this node writes (gap timeout " + gaps.timeout() + ")");
    }

    private static void requireOneTenant(List<Document> documents) {
        Set<Object> tenants = new HashSet<>();
        documents.forEach(document -> tenants.add(document.get(EventDocument.TENANT_ID)));
        if (tenants.size() > 1) {
            throw new EventStoreException("One commit holds events of several tenants " + tenants
                    + "; a unit of work acts for one tenant");
        }
    }

    private boolean positionTaken(Document refused) {
        Document there = log.find(eq(EventDocument.POSITION, refused.get(EventDocument.POSITION))).first();
        return there != null && !Objects.equals(there.get(EventDocument.EVENT_IDENTIFIER),
                refused.get(EventDocument.EVENT_IDENTIFIER));
    }

    private void removeVoidCommit(List<Document> written, long commitFirst) {
        if (!written.isEmpty()) {
            log.deleteMany(and(in(EventDocument.POSITION, written.stream().map(EventDocument::position).toList()),
                    eq(EventDocument.COMMIT_FIRST, commitFirst)));
        }
    }

    /**
     * The aggregate sequence number is held by another commit. If that commit is void (its writer died or lost its
     * positions), its events are removed and the caller tries again; if it is pending for longer than the gap timeout,
     * its missing positions are sealed first. Returns false if the number is really taken.
     */
    private boolean removeVoidOccupant(Document refused) {
        Document occupant = log.find(eq(EventDocument.AGGREGATE_SEQUENCE,
                refused.getString(EventDocument.AGGREGATE_SEQUENCE))).first();
        if (occupant == null) {
            return true;
        }
        Map<Long, Document> commit = commits.withFellowEvents(List.of(occupant));
        Commits.State state = Commits.stateOf(occupant, commit);
        if (state == Commits.State.PENDING && isOlderThanGapTimeout(occupant)) {
            long first = EventDocument.commitFirst(occupant);
            for (long position = first; position < first + EventDocument.commitSize(occupant); position++) {
                if (!commit.containsKey(position)) {
                    gaps.seal(position);
                }
            }
            commit = commits.withFellowEvents(List.of(occupant));
            state = Commits.stateOf(occupant, commit);
        }
        if (state != Commits.State.VOID) {
            return false;
        }
        long first = EventDocument.commitFirst(occupant);
        removeVoidCommit(commit.values().stream()
                .filter(document -> !EventDocument.isTombstone(document))
                .filter(document -> EventDocument.commitFirst(document) == first)
                .toList(), first);
        gaps.release(first, EventDocument.commitSize(occupant));
        return true;
    }

    private boolean isOlderThanGapTimeout(Document document) {
        Date committedAt = document.getDate(EventDocument.COMMITTED_AT);
        return committedAt.toInstant().plus(gaps.timeout()).isBefore(clock.instant());
    }

    // ---- tracking ----------------------------------------------------------------------------------------------------

    /**
     * Events after the token, in position order, in batches of the tracking batch size. Never blocks: Axon's
     * {@link org.axonframework.eventsourcing.eventstore.EmbeddedEventStore} polls.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        GapAwareTrackingToken start = gapAware(trackingToken);
        return batches(last -> fetchTracked(last == null ? start : (GapAwareTrackingToken) last.trackingToken()), 1);
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalArgumentException("This event store reads with GapAwareTrackingTokens, not " + token);
    }

    /**
     * One batch: the token's gaps and the next positions, read by {@code _id}, up to the last position reserved when
     * that is known without a read ({@link GlobalPositions#highestPossible()}). Tombstones and void commits are passed
     * over; if a whole batch holds nothing to deliver, the next one is read, so a run of failed commits never stalls a
     * processor.
     */
    List<TrackedEventData<?>> fetchTracked(GapAwareTrackingToken lastToken) {
        GapAwareTrackingToken token = lastToken;
        while (true) {
            long index = token == null ? 0 : token.getIndex();
            SortedSet<Long> openGaps = token == null ? Collections.emptySortedSet() : token.getGaps();
            gaps.sealExpired(openGaps);
            List<Long> wanted = new ArrayList<>(openGaps);
            long upTo = Math.min(index + trackingBatchSize, positions.highestPossible());
            for (long position = index + 1; position <= upTo; position++) {
                wanted.add(position);
            }
            if (wanted.isEmpty()) {
                // Caught up, no gap: most polls. They used to ask for a whole batch of positions nobody had reserved:
                // 13,214 polls asked for 3.3 million positions in one benchmark run (BENCHMARKS.md).
                return List.of();
            }
            List<Document> found = log.find(in(EventDocument.POSITION, wanted)).into(new ArrayList<>());
            Map<Long, Document> known = commits.withFellowEvents(found);
            Set<Long> asked = new HashSet<>(wanted);
            List<TrackedEventData<?>> events = new ArrayList<>();
            GapAwareTrackingToken advanced = token;
            for (Map.Entry<Long, Document> entry : known.entrySet()) {
                long position = entry.getKey();
                if (!asked.contains(position)) {
                    continue;
                }
                Commits.State state = Commits.stateOf(entry.getValue(), known);
                if (state == Commits.State.PENDING) {
                    continue;
                }
                advanced = advance(advanced, position);
                gaps.filled(position);
                if (state == Commits.State.COMMITTED) {
                    events.add(new TrackedDomainEventData<>(advanced, EventDocument.toEventData(entry.getValue())));
                }
            }
            if (advanced != null) {
                gaps.noticed(advanced.getGaps());
            }
            if (!events.isEmpty() || Objects.equals(advanced, token)) {
                return events;
            }
            token = advanced;
        }
    }

    private static GapAwareTrackingToken advance(GapAwareTrackingToken token, long position) {
        GapAwareTrackingToken from = token == null ? GapAwareTrackingToken.newInstance(0, Set.of()) : token;
        // Gaps are only ever given up by sealing, never because they are far behind.
        return from.advanceTo(position, Integer.MAX_VALUE);
    }

    @Override
    public TrackingToken createHeadToken() {
        long last = positions.last();
        if (last == 0) {
            return null;
        }
        return GapAwareTrackingToken.newInstance(last, stillOpenUpTo(last));
    }

    /**
     * Seals at once the positions reserved and never written before this start, instead of letting every processor
     * wait the gap timeout for them. Only for a store this process alone writes to (the embedded default), called at
     * start before anything is appended: then no writer of those positions can still be alive. After a hard kill this
     * spares the first requests a wait of the gap timeout for their own order to show.
     *
     * @return how many positions were sealed
     */
    public int sealWhatAnEarlierRunLeftOpen() {
        return gaps.sealAbandoned(stillOpenUpTo(positions.last()));
    }

    /** The positions among the last {@link #HEAD_LOOKBACK} up to {@code last} that hold no document. */
    private SortedSet<Long> stillOpenUpTo(long last) {
        List<Long> recent = new ArrayList<>();
        for (long position = Math.max(1, last - HEAD_LOOKBACK + 1); position <= last; position++) {
            recent.add(position);
        }
        Set<Long> written = new HashSet<>();
        log.find(in(EventDocument.POSITION, recent)).forEach(document -> written.add(EventDocument.position(document)));
        SortedSet<Long> stillOpen = new TreeSet<>(recent);
        stillOpen.removeAll(written);
        return stillOpen;
    }

    /**
     * The position just before the first commit at or after the instant, by the writers' clocks. An operator's tool
     * (rare): on the embedded server it scans, on real MongoDB it uses the {@code committed_at} index.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = log.find(gte(EventDocument.COMMITTED_AT, Date.from(dateTime)))
                .sort(Sorts.ascending(EventDocument.POSITION)).first();
        return first == null ? createHeadToken()
                : GapAwareTrackingToken.newInstance(EventDocument.position(first) - 1, Set.of());
    }

    // ---- aggregates ----------------------------------------------------------------------------------------------

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier, long firstSequenceNumber) {
        // Sequence numbers have no holes: a batch shorter than asked for is the end of the stream.
        return batches(last -> fetchAggregate(aggregateIdentifier,
                last == null ? firstSequenceNumber : last.getSequenceNumber() + 1), aggregateBatchSize);
    }

    /**
     * The aggregate's committed events from the sequence number on, one batch, by exact {@code aggregateSequence}
     * keys; stops at the first number that is not committed.
     */
    List<DomainEventData<?>> fetchAggregate(String aggregateIdentifier, long firstSequenceNumber) {
        List<String> keys = new ArrayList<>(aggregateBatchSize);
        for (long sequence = firstSequenceNumber; sequence < firstSequenceNumber + aggregateBatchSize; sequence++) {
            keys.add(EventDocument.aggregateSequence(aggregateIdentifier, sequence));
        }
        List<Document> found = log.find(in(EventDocument.AGGREGATE_SEQUENCE, keys)).into(new ArrayList<>());
        Map<Long, Document> bySequence = new TreeMap<>();
        found.forEach(document -> bySequence.put(
                ((Number) document.get(EventDocument.SEQUENCE_NUMBER)).longValue(), document));
        Map<Long, Document> known = commits.withFellowEvents(found);
        List<DomainEventData<?>> events = new ArrayList<>();
        for (long sequence = firstSequenceNumber; sequence < firstSequenceNumber + aggregateBatchSize; sequence++) {
            Document document = bySequence.get(sequence);
            if (document == null || Commits.stateOf(document, known) != Commits.State.COMMITTED) {
                break;
            }
            events.add(EventDocument.toEventData(document));
        }
        return events;
    }

    /** By exact lookups: doubling to find an upper bound, then halving (about 2 log2(n) lookups). */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!isCommitted(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        long committed = 0;
        long beyond = 1;
        while (isCommitted(aggregateIdentifier, beyond)) {
            committed = beyond;
            beyond *= 2;
        }
        while (beyond - committed > 1) {
            long middle = committed + (beyond - committed) / 2;
            if (isCommitted(aggregateIdentifier, middle)) {
                committed = middle;
            } else {
                beyond = middle;
            }
        }
        return Optional.of(committed);
    }

    private boolean isCommitted(String aggregateIdentifier, long sequenceNumber) {
        Document document = log.find(eq(EventDocument.AGGREGATE_SEQUENCE,
                EventDocument.aggregateSequence(aggregateIdentifier, sequenceNumber))).first();
        return document != null
                && Commits.stateOf(document, commits.withFellowEvents(List.of(document))) == Commits.State.COMMITTED;
    }

    // ---- snapshots ---------------------------------------------------------------------------------------------------

    /** Keeps the newest snapshot of each aggregate, under the aggregate's id. */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document current = snapshots.find(eq(EventDocument.POSITION, snapshot.getAggregateIdentifier())).first();
        if (current != null && current.getLong(EventDocument.SEQUENCE_NUMBER) >= snapshot.getSequenceNumber()) {
            return;
        }
        Document event = log.find(eq(EventDocument.AGGREGATE_SEQUENCE, EventDocument.aggregateSequence(
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber()))).first();
        if (event == null) {
            return;
        }
        Document document = EventDocument.ofSnapshot(snapshot, serializer, event.getString(EventDocument.TENANT_ID));
        snapshots.replaceOne(eq(EventDocument.POSITION, snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq(EventDocument.POSITION, aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocument.toEventData(snapshot));
    }

    // ---- batches -----------------------------------------------------------------------------------------------------

    /** A lazy stream that fetches the next batch after the last item until a batch has fewer than {@code full} items. */
    private static <T> Stream<T> batches(Function<T, List<? extends T>> nextBatch, int full) {
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private List<? extends T> batch = List.of();
            private int next;
            private T last;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (next == batch.size()) {
                    if (done) {
                        return false;
                    }
                    batch = nextBatch.apply(last);
                    next = 0;
                    done = batch.size() < full;
                    if (batch.isEmpty()) {
                        return false;
                    }
                }
                last = batch.get(next++);
                action.accept(last);
                return true;
            }
        }, false);
    }

    /** Builds the engine; serializers, the database and the clock are required. */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private Clock clock;
        private Duration gapTimeout = Duration.ofSeconds(10);
        private int positionBlock = 1;
        private int trackingBatchSize = 250;
        private int aggregateBatchSize = 100;
        private LongSupplier nanoTime = System::nanoTime;
        private AppendHook appendHook = AppendHook.NONE;

        protected Builder() {
            persistenceExceptionResolver(exception -> exception instanceof AggregateSequenceTaken);
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** The writers' clock, for {@code committedAt}; gaps are timed on the monotonic clock instead. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long a reserved but unwritten position is waited for before it is sealed. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /**
         * Positions taken from the counter this many at a time and handed out in memory ({@link GlobalPositions}).
         * Only for a store no other process writes to: the embedded default. The default, 1, suits a cluster.
         */
        public Builder positionsInBlocksOf(int positionBlock) {
            this.positionBlock = positionBlock;
            return this;
        }

        /** How many positions a tracking processor reads per query. */
        public Builder trackingBatchSize(int trackingBatchSize) {
            this.trackingBatchSize = trackingBatchSize;
            return this;
        }

        /** How many events of one aggregate are read per query. */
        public Builder aggregateBatchSize(int aggregateBatchSize) {
            this.aggregateBatchSize = aggregateBatchSize;
            return this;
        }

        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        Builder appendHook(AppendHook appendHook) {
            this.appendHook = appendHook;
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null || clock == null) {
                throw new AxonConfigurationException("The event store needs a database and a clock");
            }
            if (gapTimeout.isNegative() || gapTimeout.isZero() || trackingBatchSize < 1 || aggregateBatchSize < 1
                    || positionBlock < 1 || positionBlock > HEAD_LOOKBACK / 2) {
                throw new AxonConfigurationException("Gap timeout, batch sizes and the position block must be "
                        + "positive, the block at most " + HEAD_LOOKBACK / 2);
            }
        }

        public EventLogStorageEngine build() {
            validate();
            return new EventLogStorageEngine(this);
        }
    }
}
