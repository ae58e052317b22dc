package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.TemporaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The mobile API under load, the load generator in its own process: this JVM starts the platform in another
 * ({@link PlatformProcess}, embedded default, demo bureaus), signs in a civil servant and an approver of each of the six
 * demo bureaus through the real PKCE flow, places the preload's orders, waits until the approval process has routed
 * them (so that its backlog is not what is measured), and sends the app's persisted operations over HTTP at a
 * constant arrival rate. A request's latency counts from the moment it was due, not from when a thread got to it, so a
 * stalled platform cannot hide its queue (coordinated omission). Prints: mutations per second; p50, p95, p99 of mutations and of
 * screen queries; the lag from an order acknowledged to its approval visible in the approver's inbox query (an
 * asynchronous projection; the order itself is visible at once, read-your-writes); the platform's peak heap; and, in
 * the same run, a raw driver insert into the same kind of embedded store and a trivial GraphQL query as baselines.
 * <p>
 * {@code ops/bench/mobile-api.sh [--rate R] [--seconds S] [--preload N] [--platform-arg A]...}: R requests a second
 * (100), S seconds measured (60), N orders placed per bureau before (1000), each A a command-line argument for the
 * platform (a setting to compare).
 */
public final class MobileApiBenchmark {

    private static final List<String> BUREAUS = List.of("guizhou", "guiyang", "nanming", "yunyan", "zunyi", "tongzi");
    private static final double MUTATION_SHARE = 0.3;
    private static final int LAG_PROBE_EVERY = 10;

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, List<String>> recentOrders = new ConcurrentHashMap<>();
    /** Each bureau's last order the preload saw acknowledged. */
    private final Map<String, String> lastPreloaded = new ConcurrentHashMap<>();

    private MobileApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 100;
        int seconds = 60;
        int preload = 1000;
        String platformHeap = "1g";
        Path data = null;
        List<String> platformArguments = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--platform-arg" -> platformArguments.add(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--preload" -> preload = Integer.parseInt(args[i + 1]);
                case "--platform-heap" -> platformHeap = args[i + 1];
                case "--data-directory" -> data = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) {
            // Hundreds of megabytes a run; an operator who wants to measure the same store again names a directory.
            data = TemporaryData.directoryDeletedAtExit("jgsw-api-bench-");
        }
        new MobileApiBenchmark().run(data, rate, seconds, preload, platformHeap, platformArguments);
        System.exit(0);
    }

    private void run(Path data, int rate, int seconds, int preload, String platformHeap,
                     List<String> platformArguments) throws Exception {
        System.out.printf("machine: %d cores; load generator and platform share them; data in %s%n",
                Runtime.getRuntime().availableProcessors(), data);
        PlatformProcess platform = PlatformProcess.start(data, PlatformProcess.freePort(), platformHeap,
                platformArguments.toArray(String[]::new));
        HeapSampler heap = new HeapSampler(platform.pid());
        try {
            Logins clerks = new Logins(platform.baseUrl(), "civil-servant");
            Logins approvers = new Logins(platform.baseUrl(), "approver");
            heap.start();
            preload(clerks, preload);
            awaitPreloadRouted(approvers);
            System.out.println("warming up for 10 s at the same rate (not counted)");
            drive(clerks, approvers, rate, 10);
            latencies.clear();
            lags.clear();
            errors.set(0);
            heap.resetPeak();
            System.out.printf("measuring: %d requests/s for %d s, %.0f%% mutations (OrderVehicle), the rest screen "
                    + "queries (MyVehicleOrders, PendingApprovals, VehicleOrder, Me)%n", rate, seconds,
                    MUTATION_SHARE * 100);
            Duration platformCpu = platform.cpuTime();
            Duration generatorCpu = generatorCpuTime();
            report(drive(clerks, approvers, rate, seconds));
            System.out.printf("platform heap: peak used %d MiB during the measured run (-Xmx%s)%n",
                    heap.peakMiB(), platformHeap);
            // CPU time is steadier than a p99 from run to run: what a change saves shows here first.
            System.out.printf(Locale.ROOT, "CPU time during the measured run: platform %.1f s, load generator %.1f s%n",
                    platform.cpuTime().minus(platformCpu).toMillis() / 1e3,
                    generatorCpuTime().minus(generatorCpu).toMillis() / 1e3);

            List<Long> mutations = latencies.get("mutation");
            List<Long> screens = latencies.get("screen query");
            latencies.clear();
            GraphQlClient anyone = clerks.of("nanming");
            constantRate(rate, 10, i -> () -> {
                GraphQlClient.Response answer = anyone.execute("query Trivial { __typename }");
                return answer.status() == 200 && !answer.hasErrors();
            }, "trivial GraphQL query");
            rawInsertBaseline(rate);
            System.out.printf("baselines at %d/s for 10 s each:%n", rate);
            line("trivial GraphQL query ({ __typename })", latencies.get("trivial GraphQL query"));
            line("raw driver insertOne (embedded store, durable)", latencies.get("raw insert"));
            System.out.printf("ratios p99: screen queries %.1f x the trivial query; mutations %.1f x the raw insert%n",
                    percentile(screens, 99) / percentile(latencies.get("trivial GraphQL query"), 99),
                    percentile(mutations, 99) / percentile(latencies.get("raw insert"), 99));
        } finally {
            heap.stop();
            platform.stop();
        }
    }

    /**
     * Places {@code perBureau} orders in every bureau, eight at a time, as fast as the platform takes them. An order
     * refused as {@code RATE_LIMITED} (the per-person budget, ApiRequestLimits) is sent again after the wait the answer
     * names, so that the store holds the orders asked for; any other refusal is counted and not sent again.
     */
    private void preload(Logins clerks, int perBureau) throws InterruptedException {
        if (perBureau == 0) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger rateLimited = new AtomicInteger();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        long began = System.nanoTime();
        for (String bureau : BUREAUS) {
            for (int i = 0; i < perBureau; i++) {
                threads.submit(() -> {
                    GraphQlClient.Response answer = order(clerks.of(bureau));
                    while ("RATE_LIMITED".equals(answer.firstErrorCode())) {
                        rateLimited.incrementAndGet();
                        sleepSeconds(answer.retryAfter());
                        answer = order(clerks.of(bureau));
                    }
                    if (answer.hasErrors()) {
                        refusals.merge(String.valueOf(answer.firstErrorCode()), 1, Integer::sum);
                    } else {
                        placed.incrementAndGet();
                        lastPreloaded.put(bureau, answer.data().at("/orderVehicle/order/id").asText());
                    }
                });
            }
        }
        threads.shutdown();
        threads.awaitTermination(6, TimeUnit.HOURS);
        double took = (System.nanoTime() - began) / 1e9;
        System.out.printf("preloaded %,d orders (%d bureaus x %,d asked) in %.0f s: %.0f orders/s; %,d answers "
                        + "RATE_LIMITED sent again after the wait; refused %s%n", placed.get(), BUREAUS.size(),
                perBureau, took, placed.get() / took, rateLimited.get(), new TreeMap<>(refusals));
    }

    private static void sleepSeconds(String retryAfter) {
        try {
            Thread.sleep(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the approval process has routed the preload's orders, so that the run measures the rate asked for
     * and not the preload's backlog draining: the approval of each bureau's last acknowledged order must show.
     */
    private void awaitPreloadRouted(Logins approvers) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + Duration.ofMinutes(20).toNanos();
        for (Map.Entry<String, String> last : lastPreloaded.entrySet()) {
            Map<String, Object> approval = Map.of("id", "approval-" + last.getValue());
            while (!approvers.of(last.getKey()).execute(GraphQlClient.operation("Approval"), approval)
                    .data().path("approval").isObject()) {
                if (System.nanoTime() > deadline) {
                    System.out.println("the preload's approvals were not all routed after 20 minutes; "
                            + "measuring anyway");
                    return;
                }
                Thread.sleep(200);
            }
        }
        System.out.printf("the preload's approvals all routed %.0f s after the preload ended%n",
                (System.nanoTime() - began) / 1e9);
    }

    private GraphQlClient.Response order(GraphQlClient clerk) {
        int n = sequence.incrementAndGet();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2 + n % 360)
                .truncatedTo(ChronoUnit.HOURS).withHour(8 + n % 8);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idempotencyKey", UUID.randomUUID().toString());
        input.put("purpose", "压力测试用车 " + n);
        input.put("origin", "机关大院");
        input.put("destination", "市政务中心");
        input.put("plannedStart", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start));
        input.put("plannedEnd", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusHours(1)));
        input.put("passengerCount", 1 + n % 3);
        return clerk.execute(GraphQlClient.operation("OrderVehicle"), Map.of("input", input));
    }

    /** The app's mix at a constant rate for the time: orders, and the screens people look at. */
    private double drive(Logins clerks, Logins approvers, int rate, int seconds) throws InterruptedException {
        ExecutorService probes = Executors.newFixedThreadPool(4);
        double took = constantRate(rate, seconds, i -> {
            String bureau = BUREAUS.get(i % BUREAUS.size());
            GraphQlClient clerk = clerks.of(bureau);
            GraphQlClient approver = approvers.of(bureau);
            if (isMutation(i)) {
                return () -> {
                    GraphQlClient.Response answer = order(clerk);
                    long acknowledged = System.nanoTime();
                    if (answer.hasErrors()) {
                        return false;
                    }
                    String orderId = answer.data().at("/orderVehicle/order/id").asText();
                    recentOrders.computeIfAbsent(bureau, b -> Collections.synchronizedList(new ArrayList<>()))
                            .add(orderId);
                    if (i % LAG_PROBE_EVERY == 0) {
                        probes.submit(() -> probeLag(approver, orderId, acknowledged));
                    }
                    return true;
                };
            }
            return () -> screen(i, clerk, approver, bureau);
        }, null);
        probes.shutdown();
        probes.awaitTermination(1, TimeUnit.MINUTES);
        return took;
    }

    private boolean screen(int i, GraphQlClient clerk, GraphQlClient approver, String bureau) {
        GraphQlClient.Response answer = switch (i % 4) {
            case 0 -> clerk.execute(GraphQlClient.operation("MyVehicleOrders"), Map.of("first", 20));
            case 1 -> approver.execute(GraphQlClient.operation("PendingApprovals"), Map.of("first", 20));
            case 2 -> {
                List<String> orders = recentOrders.getOrDefault(bureau, List.of());
                yield orders.isEmpty() ? clerk.execute(GraphQlClient.operation("Me"))
                        : clerk.execute(GraphQlClient.operation("VehicleOrder"),
                        Map.of("id", orders.get(orders.size() - 1)));
            }
            default -> clerk.execute(GraphQlClient.operation("Me"));
        };
        return answer.status() == 200 && !answer.hasErrors();
    }

    /** Polls the approver's view of the order's approval until it shows; notes the time from acknowledgement. */
    private void probeLag(GraphQlClient approver, String orderId, long acknowledged) {
        String query = GraphQlClient.operation("Approval");
        long deadline = acknowledged + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode approval = approver.execute(query, Map.of("id", "approval-" + orderId)).data().path("approval");
            if (approval.isObject()) {
                lags.add(System.nanoTime() - acknowledged);
                return;
            }
            try {
                // Every 10 ms: the probe must not become load of its own.
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        lags.add(Duration.ofSeconds(30).toNanos());
    }

    /**
     * One login of a role in every bureau, signed in through the real PKCE flow when first asked for and again
     * whenever its token has aged ({@link Phones}): access tokens live 10 minutes, and a long preload, or the wait for
     * its approvals, outlives them.
     */
    private record Logins(String baseUrl, String role) {
        GraphQlClient of(String bureau) {
            return Phones.of(baseUrl, bureau + "." + role);
        }
    }

    /** A task of the load: answers whether it succeeded. */
    private interface Request extends Supplier<Boolean> {
    }


    private interface RequestAt {
        Request of(int index);
    }

    /**
     * Sends {@code rate} requests a second for the time, each due at its own instant whether or not earlier ones have
     * answered; each latency is from the instant it was due to its answer.
     *
     * @param kind the kind every latency is filed under, or null to file mutations and screens apart
     * @return the seconds from the first request's due instant to the last answer
     */
    private double constantRate(int rate, int seconds, RequestAt requests, String kind) throws InterruptedException {
        int total = rate * seconds;
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int index = i;
            long due = start + interval * i;
            Request request = requests.of(index);
            String filed = kind != null ? kind : isMutation(index) ? "mutation" : "screen query";
            clock.schedule(() -> workers.submit(() -> {
                try {
                    if (!request.get()) {
                        errors.incrementAndGet();
                    }
                } catch (RuntimeException failed) {
                    errors.incrementAndGet();
                } finally {
                    latencies.computeIfAbsent(filed, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(System.nanoTime() - due);
                    done.countDown();
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(seconds + 300L, TimeUnit.SECONDS);
        double took = (System.nanoTime() - start) / 1e9;
        clock.shutdownNow();
        workers.shutdownNow();
        return took;
    }

    /** The CPU time this JVM, the load generator, has used so far. */
    private static Duration generatorCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static boolean isMutation(int index) {
        return (index * 7919L) % 100 < MUTATION_SHARE * 100;
    }

    private void rawInsertBaseline(int rate) throws Exception {
        Path data = TemporaryData.directory("jgsw-raw-insert-");
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(data, true);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> orders = client.getDatabase("raw").getCollection("vehicle_orders");
            constantRate(rate, 10, i -> () -> {
                orders.insertOne(new Document("_id", UUID.randomUUID().toString()).append("tenantId", "bureau-nanming")
                        .append("purpose", "压力测试用车 " + i).append("status", "AWAITING_APPROVAL")
                        .append("orderedAt", new Date()));
                return true;
            }, "raw insert");
        } finally {
            // After the store is closed: the finally of a try with resources runs after they are.
            TemporaryData.delete(data);
        }
    }

    private void report(double seconds) {
        List<Long> mutations = latencies.getOrDefault("mutation", List.of());
        List<Long> screens = latencies.getOrDefault("screen query", List.of());
        System.out.printf("sustained: %,d mutations in %.0f s = %.1f mutations/s; %,d screen queries; %d failed%n",
                mutations.size(), seconds, mutations.size() / seconds, screens.size(), errors.get());
        line("mutations (OrderVehicle)", mutations);
        line("screen queries", screens);
        System.out.printf(Locale.ROOT, "projection lag (order acknowledged -> its approval in the approver's query), "
                        + "%d probes: p50 %.1f ms, p99 %.1f ms (goal p99 <= 500 ms)%n", lags.size(),
                percentile(lags, 50), percentile(lags, 99));
    }

    private static void line(String what, List<Long> nanos) {
        System.out.printf(Locale.ROOT, "%s: %,d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                nanos.size(), percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                percentile(nanos, 100));
    }

    private static double percentile(List<Long> nanos, double percent) {
        if (nanos == null || nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /**
     * The platform's used heap (survivors, eden and old generation), sampled four times a second by {@code jstat}
     * from the JVM's shared performance counters: it costs the platform nothing, unlike asking its metrics endpoint
     * (whose operator sign-in hashes a password with Argon2 at every request, a third of the platform's CPU when
     * tried).
     */
    private static final class HeapSampler {

        private final long pid;
        private final AtomicLong peakKiB = new AtomicLong();
        private Process jstat;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() throws IOException {
            String jstatCommand = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
            jstat = new ProcessBuilder(jstatCommand, "-gc", Long.toString(pid), "250").redirectErrorStream(true)
                    .start();
            Thread reader = new Thread(this::read, "heap-sampler");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    List<String> columns = List.of(line.trim().split("\\s+"));
                    if (columns.contains("EU")) {
                        header = columns;
                    } else if (header != null && columns.size() == header.size()) {
                        double used = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(columns.get(header.indexOf(column)));
                        }
                        peakKiB.accumulateAndGet((long) used, Math::max);
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // the platform stopped
            }
        }

        void resetPeak() {
            peakKiB.set(0);
        }

        long peakMiB() {
            return peakKiB.get() / 1024;
        }

        void stop() {
            if (jstat != null) {
                jstat.destroy();
            }
        }
    }
}
