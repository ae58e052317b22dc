package cn.gov.jgsw.ops.eventstore;

import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.ops.support.TemporaryData;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurements behind ADR 0005 (not a test): candidate designs of the event store on the embedded default.
 * Usage: {@code ops/bench/event-store.sh --designs}.
 */
final class EventStoreDesignComparison {

    private static final int COMMITS = 1_000;

    private final MongoDatabase database;

    private EventStoreDesignComparison(MongoDatabase database) {
        this.database = database;
    }

    static void run() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(
                TemporaryData.directoryDeletedAtExit("designs"), true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            new EventStoreDesignComparison(client.getDatabase("designs")).compare();
        }
    }

    private void compare() throws Exception {
        MongoCollection<Document> perEvent = database.getCollection("per_event");
        perEvent.createIndex(Indexes.ascending("aggregateSequence"), new IndexOptions().unique(true).sparse(true));
        MongoCollection<Document> perCommit = database.getCollection("per_commit");
        perCommit.createIndex(Indexes.ascending("positions"), new IndexOptions().unique(true).sparse(true));
        MongoCollection<Document> counters = database.getCollection("counters");
        counters.insertOne(new Document("_id", "global").append("last", 0L));
        GlobalPositions positions = new GlobalPositions(database);
        for (int i = 0; i < 200; i++) {
            perEvent.insertOne(eventDocument(-1 - i));
        }

        long counter = time(() -> positions.reserve(1));
        long insertOne = time(() -> perEvent.insertOne(eventDocument(positions.reserve(1) + 1_000_000_000L)));
        System.out.printf("position by counter: %.3f ms per reservation; one event insert %.3f ms%n",
                counter / 1e6, (insertOne - counter) / 1e6);

        AtomicLong next = new AtomicLong(10_000_000);
        long threeAsEvents = time(() -> {
            long first = next.getAndAdd(3);
            perEvent.insertMany(List.of(eventDocument(first), eventDocument(first + 1), eventDocument(first + 2)));
        });
        long threeAsCommit = time(() -> {
            long first = next.getAndAdd(3);
            perCommit.insertOne(new Document("_id", first).append("positions", List.of(first, first + 1, first + 2))
                    .append("events", List.of(eventDocument(first), eventDocument(first + 1), eventDocument(first + 2))));
        });
        System.out.printf("a commit of 3 events: 3 documents in one insertMany %.3f ms; 1 commit document %.3f ms%n",
                threeAsEvents / 1e6, threeAsCommit / 1e6);

        long first = next.getAndAdd(3);
        perCommit.insertOne(new Document("_id", first).append("positions", List.of(first, first + 1)));
        boolean enforced;
        try {
            perCommit.insertOne(new Document("_id", first + 5).append("positions", List.of(first + 1, first + 2)));
            enforced = false;
        } catch (MongoWriteException e) {
            enforced = true;
        }
        System.out.printf("commit documents: unique multikey index on positions enforced across documents: %s%n",
                enforced);

        long maxBySort = time(() -> perEvent.find().sort(Sorts.descending("_id")).limit(1).first());
        System.out.printf("in-process allocator, resynchronising after a conflict (highest _id by sort over %,d "
                + "documents): %.3f ms%n", perEvent.estimatedDocumentCount(), maxBySort / 1e6);
        inProcessAllocatorConflicts(database.getCollection("allocated"));
    }

    /** Two nodes, each with its own allocator starting from the same highest position, eight threads each. */
    private void inProcessAllocatorConflicts(MongoCollection<Document> collection) throws Exception {
        AtomicLong nodeA = new AtomicLong();
        AtomicLong nodeB = new AtomicLong();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> writers = new ArrayList<>();
        long begin = System.nanoTime();
        for (int thread = 0; thread < 16; thread++) {
            AtomicLong allocator = thread % 2 == 0 ? nodeA : nodeB;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < COMMITS / 16; i++) {
                    while (true) {
                        try {
                            collection.insertMany(List.of(eventDocument(allocator.incrementAndGet())));
                            break;
                        } catch (MongoBulkWriteException e) {
                            conflicts.incrementAndGet();
                            Document highest = collection.find().sort(Sorts.descending("_id")).limit(1).first();
                            allocator.accumulateAndGet(highest.getLong("_id"), Math::max);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        System.out.printf("in-process allocator, 2 nodes x 8 threads, %,d commits: %,d key conflicts, %.0f commits/s%n",
                COMMITS / 16 * 16, conflicts.get(), COMMITS / ((System.nanoTime() - begin) / 1e9));
        System.out.printf("counter, raw findOneAndUpdate from 16 threads: %,d duplicate positions handed out in %,d "
                + "reservations%n", duplicateIncrements(), COMMITS);
        ExecutorService counted = Executors.newFixedThreadPool(16);
        GlobalPositions positions = new GlobalPositions(database);
        MongoCollection<Document> byCounter = database.getCollection("counted");
        writers.clear();
        begin = System.nanoTime();
        for (int thread = 0; thread < 16; thread++) {
            writers.add(counted.submit(() -> {
                for (int i = 0; i < COMMITS / 16; i++) {
                    byCounter.insertMany(List.of(eventDocument(positions.reserve(1))));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        counted.shutdown();
        System.out.printf("counter with one reservation at a time per node, 16 threads, %,d commits: no conflicts, "
                        + "%.0f commits/s%n",
                COMMITS / 16 * 16, COMMITS / ((System.nanoTime() - begin) / 1e9));
    }

    /** mongo-java-server answers concurrent increments with each other's results; GlobalPositions serialises them. */
    private int duplicateIncrements() throws Exception {
        MongoCollection<Document> counter = database.getCollection("raced_counter");
        counter.insertOne(new Document("_id", "global").append("last", 0L));
        Set<Long> handedOut = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> threads = new ArrayList<>();
        for (int thread = 0; thread < 16; thread++) {
            threads.add(pool.submit(() -> {
                for (int i = 0; i < COMMITS / 16; i++) {
                    Document after = counter.findOneAndUpdate(eq("_id", "global"), Updates.inc("last", 1L),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                    if (!handedOut.add(after.getLong("last"))) {
                        duplicates.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : threads) {
            thread.get();
        }
        pool.shutdown();
        return duplicates.get();
    }

    private static Document eventDocument(long position) {
        Document document = EventDocument.of(EventStoreServer.event("design-" + UUID.randomUUID(), 0,
                "bureau-nanming", Instant.now()), EventStoreServer.SERIALIZER);
        return document.append("_id", position);
    }

    private static long time(Runnable work) {
        for (int i = 0; i < 100; i++) {
            work.run();
        }
        long begin = System.nanoTime();
        for (int i = 0; i < COMMITS; i++) {
            work.run();
        }
        return (System.nanoTime() - begin) / COMMITS;
    }
}
