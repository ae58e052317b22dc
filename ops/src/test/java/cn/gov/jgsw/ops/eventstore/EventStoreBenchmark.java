package cn.gov.jgsw.ops.eventstore;

import cn.gov.jgsw.ops.eventstore.EventStoreServer.CounterMoved;
import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.ops.support.TemporaryData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.bson.Document;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.in;

/**
 * The event store's benchmark (not a test): each operation beside the same work done with raw driver calls on the
 * same server in the same run, printed as ratios. Runs on the platform's embedded default (H2 file, every request
 * committed before it is answered) unless {@code --memory} is given. Usage: {@code ops/bench/event-store.sh}.
 */
public final class EventStoreBenchmark {

    private static final String TENANT = "bureau-nanming";
    private static final int APPENDS = 2_000;
    private static final int LOADS = 50;
    private static final int CATCH_UP_EVENTS = 100_000;
    private static final int LARGE_STORE = 1_000_000;

    private final MongoDatabase database;
    private final EventLogStorageEngine engine;
    private final EmbeddedEventStore eventStore;
    private final MongoCollection<Document> log;
    private final MongoCollection<Document> raw;

    private EventStoreBenchmark(MongoDatabase database) {
        this.database = database;
        this.engine = EventLogStorageEngine.builder().database(database).clock(Clock.systemUTC())
                .eventSerializer(EventStoreServer.SERIALIZER).snapshotSerializer(EventStoreServer.SERIALIZER).build();
        engine.ensureIndexes();
        this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        this.log = database.getCollection(EventLogStorageEngine.EVENT_LOG);
        this.raw = database.getCollection("raw_baseline");
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--designs")) {
            EventStoreDesignComparison.run();
            return;
        }
        boolean memory = Arrays.asList(args).contains("--memory");
        Path data = TemporaryData.directoryDeletedAtExit("event-store-bench");
        System.out.printf("machine: %d cores, max heap %d MiB, %s; server: %s%n", Runtime.getRuntime()
                .availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                memory ? "mongo-java-server, memory backend" : "embedded default (H2 file, commit every request)");
        AutoCloseable server;
        String uri;
        if (memory) {
            de.bwaldvogel.mongo.MongoServer memoryServer =
                    new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
            uri = "mongodb://127.0.0.1:" + memoryServer.bind().getPort();
            server = memoryServer::shutdownNow;
        } else {
            EmbeddedMongoServer embedded = EmbeddedMongoServer.start(data, true);
            uri = embedded.connectionString();
            server = embedded;
        }
        try (server; MongoClient client = MongoClients.create(uri)) {
            new EventStoreBenchmark(client.getDatabase("bench")).run();
        }
    }

    private void run() throws Exception {
        warmUp();
        long smallStore = count();
        Measure loadSmall = aggregateLoad("agg-50", false);
        Measure appendSmall = appendLatency(1_000);
        Measure rawSmall = rawInsertLatency(1_000);
        appendBenchmark(1);
        appendBenchmark(8);
        aggregateLoads("store of " + count() + " events");
        catchUp();
        fillStoreTo(LARGE_STORE);
        Measure loadLarge = aggregateLoad("agg-50", false);
        Measure appendLarge = appendLatency(1_000);
        Measure rawLarge = rawInsertLatency(1_000);
        System.out.printf("store %,d -> %,d events: 50-event load %s -> %s (x%.2f), append %s -> %s (x%.2f); "
                        + "target <= x1.2. The server alone: raw insertOne into a collection of %,d -> %,d documents "
                        + "%s -> %s (x%.2f); append / raw insert x%.2f -> x%.2f%n", smallStore, count(), loadSmall,
                loadLarge, loadLarge.median / loadSmall.median, appendSmall, appendLarge,
                appendLarge.median / appendSmall.median, smallStore, count(), rawSmall, rawLarge,
                rawLarge.median / rawSmall.median, appendSmall.median / rawSmall.median,
                appendLarge.median / rawLarge.median);
        eventStore.shutDown();
    }

    private long count() {
        return log.estimatedDocumentCount();
    }

    private void warmUp() {
        for (int i = 0; i < 500; i++) {
            engine.appendEvents(event("warm-" + i, 0));
            raw.insertOne(rawDocument());
        }
        buildAggregate("agg-50", 50);
        buildAggregate("agg-5000", 5_000);
        while (count() < 10_000) {
            engine.appendEvents(event("filler-" + count(), 0));
        }
    }

    // ---- append --------------------------------------------------------------------------------------------------

    private void appendBenchmark(int threads) throws Exception {
        Result ours = concurrently(threads, APPENDS, i -> engine.appendEvents(event("append-" + UUID.randomUUID(), 0)));
        Result rawInserts = concurrently(threads, APPENDS, i -> raw.insertOne(rawDocument()));
        System.out.printf("append, %d thread%s: %,d single-event commits: %s; raw insertOne: %s; latency x%.2f, "
                        + "throughput x%.2f (target: at most x3 the cost of a raw insert)%n", threads,
                threads == 1 ? "" : "s", APPENDS, ours, rawInserts, ours.latency.median / rawInserts.latency.median,
                rawInserts.perSecond / ours.perSecond);
    }

    private Measure appendLatency(int appends) {
        long[] nanos = new long[appends];
        for (int i = 0; i < appends; i++) {
            long start = System.nanoTime();
            engine.appendEvents(event("late-append-" + UUID.randomUUID(), 0));
            nanos[i] = System.nanoTime() - start;
        }
        return Measure.of(nanos);
    }

    /** Raw inserts into the event collection itself, so that they meet the same indexes and the same store size. */
    private Measure rawInsertLatency(int inserts) {
        long[] nanos = new long[inserts];
        long position = -count() - 1;
        for (int i = 0; i < inserts; i++) {
            Document document = EventDocument.of(event("raw-" + UUID.randomUUID(), 0), EventStoreServer.SERIALIZER)
                    .append(EventDocument.POSITION, position - i);
            long start = System.nanoTime();
            log.insertOne(document);
            nanos[i] = System.nanoTime() - start;
        }
        log.deleteMany(new Document(EventDocument.POSITION, new Document("$lt", 0L)));
        return Measure.of(nanos);
    }

    private Document rawDocument() {
        Document document = EventDocument.of(event("raw-" + UUID.randomUUID(), 0), EventStoreServer.SERIALIZER);
        document.remove(EventDocument.AGGREGATE_SEQUENCE);
        return document;
    }

    // ---- aggregate loads -----------------------------------------------------------------------------------------

    private void buildAggregate(String aggregate, int events) {
        for (int sequence = 0; sequence < events; sequence++) {
            engine.appendEvents(event(aggregate, sequence));
        }
    }

    private void aggregateLoads(String store) {
        Measure small = aggregateLoad("agg-50", false);
        Measure large = aggregateLoad("agg-5000", false);
        engine.storeSnapshot(snapshot("agg-50", 40));
        engine.storeSnapshot(snapshot("agg-5000", 4_990));
        Measure smallSnapshot = aggregateLoad("agg-50", true);
        Measure largeSnapshot = aggregateLoad("agg-5000", true);
        Measure rawSmall = rawLoad("agg-50", 50);
        Measure rawLarge = rawLoad("agg-5000", 5_000);
        System.out.printf("aggregate load (%s): 50 events %s (raw $in of the same documents %s, x%.2f); "
                        + "5,000 events %s (raw %s, x%.2f)%n", store, small, rawSmall, small.median / rawSmall.median,
                large, rawLarge, large.median / rawLarge.median);
        System.out.printf("aggregate load with a snapshot 10 events back: 50 events %s; 5,000 events %s; "
                + "5,000 vs 50: x%.2f (target <= x1.5)%n", smallSnapshot, largeSnapshot,
                largeSnapshot.median / smallSnapshot.median);
        database.getCollection(EventLogStorageEngine.SNAPSHOTS).deleteMany(new Document());
    }

    private Measure aggregateLoad(String aggregate, boolean expectSnapshot) {
        long[] nanos = new long[LOADS];
        for (int i = 0; i < LOADS; i++) {
            long start = System.nanoTime();
            long loaded = eventStore.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).count();
            nanos[i] = System.nanoTime() - start;
            if (loaded == 0 || (expectSnapshot && loaded > 11)) {
                throw new IllegalStateException("loaded " + loaded + " of " + aggregate);
            }
        }
        return Measure.of(nanos);
    }

    private Measure rawLoad(String aggregate, int events) {
        long[] nanos = new long[LOADS];
        for (int i = 0; i < LOADS; i++) {
            long start = System.nanoTime();
            int read = 0;
            for (int from = 0; from < events; from += 100) {
                List<String> keys = new ArrayList<>();
                for (int sequence = from; sequence < Math.min(events, from + 100); sequence++) {
                    keys.add(EventDocument.aggregateSequence(aggregate, sequence));
                }
                read += log.find(in(EventDocument.AGGREGATE_SEQUENCE, keys)).into(new ArrayList<>()).size();
            }
            nanos[i] = System.nanoTime() - start;
            if (read != events) {
                throw new IllegalStateException("raw read " + read);
            }
        }
        return Measure.of(nanos);
    }

    private static DomainEventMessage<?> snapshot(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence,
                new CounterMoved(aggregate, sequence, "state"), Map.of("tenantId", TENANT));
    }

    // ---- tracking catch-up -------------------------------------------------------------------------------------

    private void catchUp() {
        long start = new GlobalPositions(database).last();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < CATCH_UP_EVENTS; i++) {
            batch.add(EventDocument.of(event("catch-up-" + i, 0), EventStoreServer.SERIALIZER));
            if (batch.size() == 1_000) {
                insertAtNewPositions(batch);
                batch.clear();
            }
        }
        TrackingToken from = GapAwareTrackingToken.newInstance(start, Set.of());
        double delivered = rate(() -> {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
                return events.count();
            }
        });
        double deserialized = rate(() -> {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
                return events.map(TrackedEventMessage::getPayload).count();
            }
        });
        double rawScan = rate(() -> {
            long scanned = 0;
            for (Document ignored : log.find().batchSize(1_000)) {
                scanned++;
            }
            return scanned;
        });
        double rawLookups = rate(() -> {
            long found = 0;
            for (long position = start + 1; position <= start + CATCH_UP_EVENTS; position += 250) {
                List<Long> positions = new ArrayList<>();
                for (long p = position; p < position + 250; p++) {
                    positions.add(p);
                }
                found += log.find(in(EventDocument.POSITION, positions)).into(new ArrayList<>()).size();
            }
            return found;
        });
        System.out.printf("tracking catch-up over %,d events: %,.0f events/s delivered (payload deserialized: %,.0f/s); "
                        + "raw cursor scan of the whole collection %,.0f documents/s, raw _id $in batches of 250 "
                        + "%,.0f/s; %.0f%% of the raw scan (target >= 50%%), %.0f%% of raw $in%n", CATCH_UP_EVENTS,
                delivered, deserialized, rawScan, rawLookups, 100 * delivered / rawScan, 100 * delivered / rawLookups);
    }

    /** Items per second of the work, which answers how many items it went through. */
    private static double rate(LongSupplier work) {
        long begin = System.nanoTime();
        long items = work.getAsLong();
        return items / ((System.nanoTime() - begin) / 1e9);
    }

    private void insertAtNewPositions(List<Document> documents) {
        long first = new GlobalPositions(database).reserve(documents.size());
        Date now = new Date();
        for (int i = 0; i < documents.size(); i++) {
            documents.get(i).append(EventDocument.POSITION, first + i).append(EventDocument.COMMIT_FIRST, first + i)
                    .append(EventDocument.COMMIT_SIZE, 1).append(EventDocument.COMMITTED_AT, now);
        }
        log.insertMany(documents, new InsertManyOptions().ordered(true));
    }

    private void fillStoreTo(int events) {
        long begin = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        long filled = count();
        while (filled < events) {
            batch.add(EventDocument.of(event("bulk-" + filled, 0), EventStoreServer.SERIALIZER));
            filled++;
            if (batch.size() == 5_000 || filled == events) {
                insertAtNewPositions(batch);
                batch.clear();
            }
        }
        System.out.printf("filled the store to %,d events in %.0f s%n", count(), (System.nanoTime() - begin) / 1e9);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return EventStoreServer.event(aggregate, sequence, TENANT, Instant.now());
    }

    private interface Work {
        void run(int i) throws Exception;
    }

    private static Result concurrently(int threads, int total, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] nanos = new long[total];
        AtomicLong next = new AtomicLong();
        long begin = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = (int) next.getAndIncrement(); i < total; i = (int) next.getAndIncrement()) {
                    long start = System.nanoTime();
                    work.run(i);
                    nanos[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return new Result(Measure.of(nanos), total / seconds);
    }

    private record Result(Measure latency, double perSecond) {
        @Override
        public String toString() {
            return String.format("%,.0f/s, latency %s", perSecond, latency);
        }
    }

    /** Median and 99th percentile, in milliseconds. */
    private record Measure(double median, double p99) {
        static Measure of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Measure(sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }

        @Override
        public String toString() {
            return String.format("p50 %.2f ms, p99 %.2f ms", median, p99);
        }
    }
}
