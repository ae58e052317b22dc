package cn.gov.jgsw.ops.vehicles;

import cn.gov.jgsw.ops.PlatformApplication;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.TemporaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The position ingestion benchmark (not a test): the platform on its embedded default (H2 file, every request
 * committed), three bureaus' gateways sending batches of 500 positions over HTTP with real client-credentials tokens,
 * fences evaluated on every position; then the same position documents inserted raw with the driver into the same
 * server, for the ratio. Heap after a full GC is sampled every 30 s. Usage: {@code ops/bench/telemetry.sh
 * [--minutes N]} (default 2; the heap goal is for 10).
 */
public final class TelemetryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BUREAUS = List.of("nanming", "yunyan", "guiyang");
    private static final int VEHICLES_PER_BUREAU = 100;
    private static final int VEHICLES_PER_BATCH = 50;
    private static final int FIXES_PER_VEHICLE = 10;
    private static final double YARD_LATITUDE = 26.6;
    private static final double YARD_LONGITUDE = 106.7;
    private static final double METRES_PER_DEGREE = 111_195;

    private record Gateway(String bureau, IntegrationMachine machine, String clientId, String secret,
                           List<String> vehicles) {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 1 && args[0].equals("--minutes") ? Integer.parseInt(args[1]) : 2;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Arguments, not default properties: the platform's own configuration would override those.
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(PlatformApplication.class).run(
                "--server.port=" + port,
                "--jgsw.storage.data-directory=" + TemporaryData.directoryDeletedAtExit("telemetry-bench"),
                "--jgsw.storage.allow-demo-data=true",
                "--spring.profiles.active=demo",
                "--logging.level.root=WARN");
        String baseUrl = "http://127.0.0.1:" + port;
        System.out.printf("machine: %d cores, max heap %d MiB, %s; server: embedded default (H2 file, commit every "
                        + "request); platform and load generator in one JVM%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        List<Gateway> gateways = new ArrayList<>();
        for (String bureau : BUREAUS) {
            gateways.add(gateway(baseUrl, bureau));
        }
        System.out.printf("fleet: %d bureaus x %d vehicles; batches of %d positions (%d vehicles x %d fixes)%n",
                BUREAUS.size(), VEHICLES_PER_BUREAU, VEHICLES_PER_BATCH * FIXES_PER_VEHICLE, VEHICLES_PER_BATCH,
                FIXES_PER_VEHICLE);

        // Terminal time runs faster than the clock (10 s per fix, many fixes a second): start far enough back that
        // even a long run stays in the past, and well inside the 180 days a bureau keeps tracks.
        Instant virtualStart = Instant.now().minus(Duration.ofDays(60));
        AtomicLong positions = new AtomicLong();
        AtomicLong alerts = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        run(gateways, virtualStart, Duration.ofSeconds(20), new AtomicLong(), new AtomicLong(), new ArrayList<>());
        System.out.printf("warm-up done (20 s); measuring for %d min%n", minutes);
        Instant measuredFrom = virtualStart.plus(Duration.ofHours(12));
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        Future<?> sampling = sampler.submit(() -> sampleHeap(positions, start, minutes));
        run(gateways, measuredFrom, Duration.ofMinutes(minutes), positions, alerts, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampling.cancel(true);
        sampler.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double rate = positions.get() / seconds;
        System.out.printf("ingested with fences: %,d positions in %.0f s: %,.0f positions/s; batch latency p50 %.1f ms,"
                        + " p99 %.1f ms; alerts raised %d (target: >= 5,000 positions/s)%n",
                positions.get(), seconds, rate, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                alerts.get());

        double raw = rawInserts(platform.getBean(MongoDatabase.class), gateways, (int) Math.min(positions.get(),
                300_000));
        System.out.printf("raw insertMany of the same position documents (one per position, batches of 500, %d "
                + "threads): %,.0f positions/s; ingestion is %.0f%% of raw%n", gateways.size(), raw, 100 * rate / raw);
        platform.close();
        System.exit(0);
    }

    private static Gateway gateway(String baseUrl, String bureau) {
        GraphQlClient admin = Phones.of(baseUrl, bureau + ".bureau-admin");
        List<String> vehicles = new ArrayList<>();
        for (int i = 0; i < VEHICLES_PER_BUREAU; i++) {
            Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString(),
                    "plateNumber", "贵A·B" + bureau.charAt(0) + String.format("%03d", i), "carClass", "SEDAN",
                    "seats", 4, "energyType", "HYBRID", "purchasePriceFen", 18_000_000, "purchaseDate", "2024-05-01",
                    "parkingSpot", Map.of("latitude", YARD_LATITUDE, "longitude", YARD_LONGITUDE,
                            "radiusMetres", 50)));
            vehicles.add(admin.execute(GraphQlClient.operation("RegisterVehicle"), Map.of("input", input)).data()
                    .at("/registerVehicle/vehicle/id").asText());
        }
        JsonNode client = admin.execute(GraphQlClient.operation("RegisterIntegrationClient"), Map.of("input",
                Map.of("idempotencyKey", UUID.randomUUID().toString(), "name", "压测网关", "scopes",
                        List.of("TELEMETRY_WRITE")))).data().at("/registerIntegrationClient");
        return new Gateway(bureau, new IntegrationMachine(baseUrl), client.at("/client/id").asText(),
                client.get("secret").asText(), vehicles);
    }

    /**
     * Each gateway on its own thread, sending as fast as it is answered. Vehicle {@code i} is parked and jittering,
     * except every tenth, which drives off and away: one alert per such vehicle and run.
     */
    private static void run(List<Gateway> gateways, Instant virtualStart, Duration length, AtomicLong positions,
                            AtomicLong alerts, List<Long> latencies) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(gateways.size());
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (Gateway gateway : gateways) {
            running.add(threads.submit(() -> {
                Random noise = new Random(gateway.bureau().hashCode());
                String token = null;
                long tokenAt = 0;
                long tick = 0;
                int next = 0;
                while (System.nanoTime() < deadline) {
                    if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(8).toNanos()) {
                        token = gateway.machine().requestToken(gateway.clientId(), gateway.secret(),
                                "telemetry:write").accessToken();
                        tokenAt = System.nanoTime();
                    }
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (int v = 0; v < VEHICLES_PER_BATCH; v++) {
                        int vehicle = (next + v) % gateway.vehicles().size();
                        for (int f = 0; f < FIXES_PER_VEHICLE; f++) {
                            long second = tick + f;
                            // A terminal reporting every 10 s, as JT/T 808 terminals do while driving.
                            batch.add(fix(gateway.vehicles().get(vehicle), vehicle % 10 == 0,
                                    virtualStart.plusSeconds(10 * second), second, noise));
                        }
                    }
                    next += VEHICLES_PER_BATCH;
                    if (next >= gateway.vehicles().size()) {
                        next = 0;
                        tick += FIXES_PER_VEHICLE;
                    }
                    long sent = System.nanoTime();
                    IntegrationMachine.Answer answer = gateway.machine().postJson(
                            "/integration/v1/telemetry/positions", token, JSON.writeValueAsString(Map.of(
                                    "positions", batch)));
                    latencies.add(System.nanoTime() - sent);
                    if (answer.status() != 200) {
                        throw new IllegalStateException("batch refused: " + answer.status() + " " + answer.body());
                    }
                    positions.addAndGet(answer.body().get("accepted").asLong());
                    alerts.addAndGet(answer.body().get("alertsRaised").asLong());
                }
                return null;
            }));
        }
        for (Future<?> gateway : running) {
            gateway.get();
        }
        threads.shutdown();
    }

    private static Map<String, Object> fix(String vehicleId, boolean driving, Instant at, long second,
                                           Random noise) {
        double metres = driving ? Math.min(second, 2_000) * 10.0 : Math.abs(noise.nextGaussian() * 8);
        Map<String, Object> fix = new HashMap<>();
        fix.put("vehicleId", vehicleId);
        fix.put("time", at.toString());
        fix.put("latitude", YARD_LATITUDE + metres / METRES_PER_DEGREE);
        fix.put("longitude", YARD_LONGITUDE);
        fix.put("speedKmh", driving ? 36.0 : 0.0);
        fix.put("accuracyMetres", 5 + noise.nextInt(10));
        return fix;
    }

    private static void sampleHeap(AtomicLong positions, long start, int minutes) {
        try {
            long lastCount = 0;
            long lastAt = start;
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(30_000);
                System.gc();
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                long now = System.nanoTime();
                long count = positions.get();
                System.out.printf("  t=%3.0f s: %,.0f positions/s over the last 30 s, heap after full GC %d MiB%n",
                        (now - start) / 1e9, (count - lastCount) / ((now - lastAt) / 1e9), used >> 20);
                lastCount = count;
                lastAt = now;
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same documents, one per position, inserted raw by as many threads as there were gateways. */
    private static double rawInserts(MongoDatabase database, List<Gateway> gateways, int total) throws Exception {
        MongoCollection<Document> raw = database.getCollection("raw_positions_baseline");
        ExecutorService threads = Executors.newFixedThreadPool(gateways.size());
        int perThread = total / gateways.size();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Gateway gateway : gateways) {
            running.add(threads.submit(() -> {
                Random noise = new Random(1);
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String vehicle = gateway.vehicles().get(i % gateway.vehicles().size());
                    batch.add(new Document("_id", vehicle + "|" + i).append("tenantId", "bureau-" + gateway.bureau())
                            .append("vehicleId", vehicle).append("at", new Date(i * 1000L))
                            .append("lat", YARD_LATITUDE + noise.nextGaussian() / 1e4).append("lon", YARD_LONGITUDE)
                            .append("speedKmh", 0.0).append("accuracyMetres", 8.0));
                    if (batch.size() == 500) {
                        raw.insertMany(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    raw.insertMany(batch);
                }
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        threads.shutdown();
        return perThread * gateways.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private TelemetryBenchmark() {
    }
}
