package cn.gov.jgsw.ops.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.gov.jgsw.ops.support.TemporaryData;

/**
 * The embedded store's door measured on its own ({@code ops/bench/store-door.sh}): the same durable store behind the
 * Unix socket the platform uses (ADR 0024) and behind a loopback TCP port as before it, each in this JVM with the
 * platform's driver settings; a look-up by {@code _id} and an insert of 500 bytes per operation, from 1 and from 8
 * threads, the two doors alternated round by round. Prints operations a second, this process's CPU time per thousand
 * operations, and p50/p99 of one operation.
 * <p>
 * Usage: {@code StoreDoorBenchmark [--rounds N] [--operations N]} (defaults 3 and 6,000).
 */
public final class StoreDoorBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = argument(args, "--rounds", 3);
        int operations = argument(args, "--operations", 6_000);
        System.out.printf("store door: %d rounds, %d operations per measurement (a find by _id and an insert each)%n",
                rounds, operations);
        for (int round = 1; round <= rounds; round++) {
            for (String door : List.of("tcp", "unix")) {
                Path data = TemporaryData.directory("store-door-");
                try {
                    measure(door, round, data, operations);
                } finally {
                    TemporaryData.delete(data);
                }
            }
        }
        System.exit(0);
    }

    private static void measure(String door, int round, Path data, int operations) throws Exception {
        OwnerOnlyFiles.directory(data);
        EmbeddedH2Backend h2 = new EmbeddedH2Backend(data.resolve(EmbeddedMongoServer.STORE_FILE_NAME).toString(),
                StoreLists.none());
        DurableBackend backend = new DurableBackend(h2, true, new SlowCommandLog(Duration.ofHours(1)), StoreLists.none());
        String uri;
        AutoCloseable closing;
        if (door.equals("tcp")) {
            MongoServer server = new MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
            uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            closing = server::shutdownNow;
        } else {
            StoreSocket socket = StoreSocket.open(data, backend);
            uri = socket.connectionString();
            closing = () -> {
                socket.close();
                h2.close();
            };
        }
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .timeout(StorageConfiguration.OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).build())) {
            MongoCollection<Document> collection = client.getDatabase("jgsw").getCollection("door");
            run(collection, 1, operations / 4);
            for (int threads : new int[]{1, 8}) {
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                long cpuBefore = cpuNanos();
                long start = System.nanoTime();
                latencies.addAll(run(collection, threads, operations));
                long wall = System.nanoTime() - start;
                long cpu = cpuNanos() - cpuBefore;
                Collections.sort(latencies);
                System.out.printf("round %d %-4s %d thread(s): %,.0f operations/s, CPU %.1f ms per 1,000, p50 %.2f ms, "
                                + "p99 %.2f ms%n", round, door, threads, operations / (wall / 1e9),
                        cpu / 1e6 / (operations / 1000.0), latencies.get(latencies.size() / 2) / 1e6,
                        latencies.get(latencies.size() * 99 / 100) / 1e6);
            }
        } finally {
            closing.close();
        }
    }

    private static List<Long> run(MongoCollection<Document> collection, int threads, int operations)
            throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(workers.submit(() -> {
                    for (int i = 0; i < operations / threads; i++) {
                        long start = System.nanoTime();
                        collection.find(new Document("_id", "absent")).first();
                        collection.insertOne(new Document("payload", "x".repeat(500)));
                        latencies.add(System.nanoTime() - start);
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdown();
        }
        return latencies;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int argument(String[] args, String name, int otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }
}
