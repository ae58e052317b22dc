package cn.gov.jgsw.ops.drills;

import cn.gov.jgsw.domain.approvals.api.ApprovalRequestSubmittedEvent;
import cn.gov.jgsw.domain.vehicles.VehicleOrderApprovalProcess;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.TemporaryData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The fault drill (故障演练): the whole platform in a JVM of its own on its embedded default, civil servants of four
 * bureaus ordering cars as fast as it answers, and the JVM killed hard (SIGKILL) at a random moment, again and again,
 * each time restarted on the same data. Then:
 * <ol>
 *     <li>every order is sent again with its idempotency key: an acknowledged one must answer the same order, one
 *     whose answer was lost must be placed now or answer the order placed before the kill;</li>
 *     <li>in the stored event log, every order exists exactly once (one {@link VehicleOrderedEvent} per order);</li>
 *     <li>the approval process, killed along with the rest, has routed every order to its approvers exactly once
 *     (one {@link ApprovalRequestSubmittedEvent} per order);</li>
 *     <li>the vehicle-order read model, built across the kills, must equal what a full replay of the log builds:
 *     its documents' checksum before and after the replay.</li>
 * </ol>
 * A claim of an idempotency key interrupted by a kill is taken over only after two minutes (by design, ADR 0002), so
 * the resend of such an order is retried until then.
 */
public final class FaultDrill {

    private static final String DRILL = "故障演练";
    private static final List<String> CLERKS = List.of("nanming.civil-servant", "yunyan.civil-servant",
            "tongzi.civil-servant", "guiyang.civil-servant");
    private static final int SENDERS = 4;
    /** The whole resend: the two minutes after which a cut-off claim is taken over, and time to send. */
    private static final Duration RESEND_FOR = Duration.ofMinutes(3);
    private static final String IN_PROGRESS = "REQUEST_IN_PROGRESS";

    /** One order a clerk tried to place: its input (key included) and the order acknowledged, if any. */
    private record Attempt(String clerk, Map<String, Object> input, String acknowledgedOrderId) {
    }

    /** What the drill found; {@code violations} empty when every check held. */
    public record Report(int kills, int attempts, int acknowledged, int lostAnswers, int ordersInLog,
                         int ordersRouted, String readModelChecksum, String replayChecksum, List<String> violations,
                         List<String> stuckKeys) {
    }

    private final Path data;
    private final int kills;
    private final Duration longestLoad;
    private final Random random;
    private final PrintStream out;
    private final int port = PlatformProcess.freePort();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, String> clerkOfOrder = new TreeMap<>();
    private final List<String> stuckKeys = new ArrayList<>();
    private PlatformProcess running;

    public FaultDrill(Path data, int kills, Duration longestLoad, long seed, PrintStream out) {
        this.data = data;
        this.kills = kills;
        this.longestLoad = longestLoad;
        this.random = new Random(seed);
        this.out = out;
    }

    public Report run() throws Exception {
        try {
            return drill();
        } finally {
            // A drill that fails half-way must not leave its platform running for the rest of the suite.
            if (running != null) {
                running.kill();
            }
        }
    }

    private Report drill() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        PlatformProcess platform = start();
        for (int round = 1; round <= kills; round++) {
            Duration loadFor = Duration.ofMillis(300 + random.nextInt((int) longestLoad.toMillis()));
            List<Attempt> ofRound = loadUntilKilled(platform, loadFor);
            attempts.addAll(ofRound);
            out.printf("kill %d of %d after %d ms of load: %d orders sent, %d acknowledged%n", round, kills,
                    loadFor.toMillis(), ofRound.size(),
                    ofRound.stream().filter(attempt -> attempt.acknowledgedOrderId() != null).count());
            platform = start();
        }
        List<String> violations = new ArrayList<>();
        out.printf("resending all %d orders with their keys%n", attempts.size());
        Map<String, String> orderOfPurpose = resendEverything(platform, attempts, violations);
        awaitVisible(platform);
        List<String> unseenApprovals = awaitRouted(platform);
        platform.stop();
        out.println("resent and visible; counting the log and replaying the read model");

        Map<String, Long> inLog = new TreeMap<>();
        Map<String, Long> routings = new TreeMap<>();
        String readModel = inStore(database -> {
            inLog.putAll(ordersInLog(database));
            routings.putAll(routingsInLog(database));
            if (!stuckKeys.isEmpty()) {
                printUnansweredClaims(database);
            }
            return readModelChecksum(database);
        });
        orderOfPurpose.keySet().forEach(purpose -> {
            long stored = inLog.getOrDefault(purpose, 0L);
            if (stored != 1) {
                violations.add("order " + purpose + " is in the log " + stored + " times");
            }
        });
        inLog.forEach((purpose, stored) -> {
            boolean stuck = stuckKeys.stream().anyMatch(key -> key.startsWith(purpose + " ("));
            if (!orderOfPurpose.containsKey(purpose) && !stuck) {
                violations.add("an order nobody asked for: " + purpose);
            } else if (stuck && stored > 1) {
                violations.add("order " + purpose + " (its key stuck) is in the log " + stored + " times");
            }
        });

        clerkOfOrder.keySet().forEach(orderId -> {
            long routed = routings.getOrDefault(orderId, 0L);
            if (routed != 1) {
                violations.add("order " + orderId + " was routed to its approvers " + routed + " times");
            } else if (unseenApprovals.contains(orderId)) {
                violations.add("order " + orderId + " was routed, but its approval did not show to its clerk");
            }
        });

        inStore(FaultDrill::forgetTheReadModel);
        platform = start();
        awaitVisible(platform);
        platform.stop();
        String replayed = inStore(FaultDrill::readModelChecksum);
        if (!replayed.equals(readModel)) {
            violations.add("the read model differs from its full replay: " + readModel + " against " + replayed);
        }
        int acknowledged = (int) attempts.stream().filter(attempt -> attempt.acknowledgedOrderId() != null).count();
        int routed = (int) clerkOfOrder.keySet().stream()
                .filter(orderId -> routings.getOrDefault(orderId, 0L) == 1L).count();
        return new Report(kills, attempts.size(), acknowledged, attempts.size() - acknowledged, inLog.size(), routed,
                readModel, replayed, violations, List.copyOf(stuckKeys));
    }

    private PlatformProcess start() {
        running = PlatformProcess.start(data, port, "768m");
        return running;
    }

    /** Senders order cars until the platform is killed, {@code loadFor} after they began. */
    private List<Attempt> loadUntilKilled(PlatformProcess platform, Duration loadFor) throws InterruptedException {
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int sender = 0; sender < SENDERS; sender++) {
            String clerk = CLERKS.get(sender % CLERKS.size());
            GraphQlClient phone = Phones.of(platform.baseUrl(), clerk);
            senders.submit(() -> {
                while (!killed.get()) {
                    Map<String, Object> input = orderInput();
                    String orderId = null;
                    try {
                        GraphQlClient.Response answer = send(phone, input);
                        if (answer.status() == 200 && !answer.hasErrors()) {
                            orderId = answer.data().at("/orderVehicle/order/id").asText();
                        }
                    } catch (RuntimeException lost) {
                        // the connection died with the platform: the answer is lost, not the order necessarily
                    }
                    attempts.add(new Attempt(clerk, input, orderId));
                }
            });
        }
        senders.shutdown();
        // Nothing ends the senders but the kill: this lets them run for the round's time.
        senders.awaitTermination(loadFor.toMillis(), TimeUnit.MILLISECONDS);
        killed.set(true);
        platform.kill();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        return attempts;
    }

    private Map<String, Object> orderInput() {
        return MutationInputs.drillOrder(DRILL, sequence.incrementAndGet());
    }

    private static GraphQlClient.Response send(GraphQlClient phone, Map<String, Object> input) {
        return phone.execute(GraphQlClient.operation("OrderVehicle"), Map.of("input", input));
    }

    /**
     * Sends every order again with its key; answers the order of each purpose. A key still answering
     * {@code REQUEST_IN_PROGRESS} when the resend's time is up is noted in {@link #stuckKeys}, with its purpose.
     */
    private Map<String, String> resendEverything(PlatformProcess platform, List<Attempt> attempts,
                                                 List<String> violations) {
        Map<String, String> orderOfPurpose = new TreeMap<>();
        long deadline = System.nanoTime() + RESEND_FOR.toNanos();
        for (Attempt attempt : attempts) {
            GraphQlClient phone = Phones.of(platform.baseUrl(), attempt.clerk());
            String purpose = (String) attempt.input().get("purpose");
            // A claim cut off by a kill is taken over after two minutes: ask again until then, within one deadline
            // for the whole resend, so that a key stuck for good is a finding rather than a drill that never ends.
            GraphQlClient.Response answer = send(phone, attempt.input());
            while (IN_PROGRESS.equals(answer.firstErrorCode()) && System.nanoTime() < deadline) {
                await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
                answer = send(phone, attempt.input());
            }
            if (IN_PROGRESS.equals(answer.firstErrorCode())) {
                stuckKeys.add(purpose + " (key " + attempt.input().get("idempotencyKey") + ", "
                        + (attempt.acknowledgedOrderId() == null ? "answer lost" : "acknowledged") + ")");
                continue;
            }
            if (answer.hasErrors()) {
                violations.add("resending " + purpose + " answered " + answer.body());
                continue;
            }
            String orderId = answer.data().at("/orderVehicle/order/id").asText();
            if (attempt.acknowledgedOrderId() != null && !attempt.acknowledgedOrderId().equals(orderId)) {
                violations.add(purpose + " was acknowledged as " + attempt.acknowledgedOrderId() + " and resent as "
                        + orderId);
            }
            orderOfPurpose.put(purpose, orderId);
            clerkOfOrder.put(orderId, attempt.clerk());
        }
        return orderOfPurpose;
    }

    /** Waits until every order can be read by its clerk: the vehicle-order read model has them all. */
    private void awaitVisible(PlatformProcess platform) {
        String query = GraphQlClient.operation("VehicleOrder");
        clerkOfOrder.forEach((orderId, clerk) -> {
            GraphQlClient phone = Phones.of(platform.baseUrl(), clerk);
            await().atMost(Duration.ofMinutes(2)).until(() -> orderId.equals(
                    phone.execute(query, Map.of("id", orderId)).data().at("/vehicleOrder/id").asText()));
        });
    }

    /**
     * Waits until every order's approval can be read by its clerk: the approval process has routed them all, across
     * the kills, and the approvals read model has them. Returns the orders whose approval did not show in time; the
     * log tells whether they were routed.
     */
    private List<String> awaitRouted(PlatformProcess platform) {
        String query = GraphQlClient.operation("Approval");
        Set<String> waiting = new TreeSet<>(clerkOfOrder.keySet());
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                waiting.removeIf(orderId -> {
                    String approvalId = VehicleOrderApprovalProcess.approvalIdOf(orderId);
                    return approvalId.equals(Phones.of(platform.baseUrl(), clerkOfOrder.get(orderId))
                            .execute(query, Map.of("id", approvalId)).data().at("/approval/id").asText());
                });
                return waiting.isEmpty();
            });
        } catch (ConditionTimeoutException notShown) {
            out.printf("approvals not shown after two minutes: %s%n", waiting);
        }
        return List.copyOf(waiting);
    }

    private interface StoreWork<T> {
        T on(MongoDatabase database) throws Exception;
    }

    /** Opens the stopped platform's store, as the platform would, and works on it. */
    private <T> T inStore(StoreWork<T> work) throws Exception {
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(data, true);
             MongoClient client = MongoClients.create(store.connectionString())) {
            return work.on(client.getDatabase("jgsw"));
        }
    }

    /** The drill's orders in the event log, by purpose, with how often each was ordered. */
    private static Map<String, Long> ordersInLog(MongoDatabase database) {
        Map<String, Long> found = new TreeMap<>();
        for (Document event : database.getCollection("event_log").find(Filters.and(
                Filters.eq("payloadType", VehicleOrderedEvent.class.getName()), Filters.ne("tombstone", true)))) {
            String purpose = event.get("payload", Document.class).getString("purpose");
            if (purpose != null && purpose.startsWith(DRILL)) {
                found.merge(purpose, 1L, Long::sum);
            }
        }
        return found;
    }

    /** How many times each order was routed to its approvers, by order, from the event log. */
    private static Map<String, Long> routingsInLog(MongoDatabase database) {
        Map<String, Long> found = new TreeMap<>();
        for (Document event : database.getCollection("event_log").find(Filters.and(
                Filters.eq("payloadType", ApprovalRequestSubmittedEvent.class.getName()),
                Filters.ne("tombstone", true)))) {
            found.merge(event.get("payload", Document.class).getString("subjectId"), 1L, Long::sum);
        }
        return found;
    }

    /** For a key found stuck: the idempotency records left unanswered, as stored, and where each processor is. */
    private void printUnansweredClaims(MongoDatabase database) {
        for (Document claim : database.getCollection("idempotency_records").find(Filters.ne("state", "ANSWERED"))) {
            out.printf("unanswered claim %s: %s, claimed %s, receipt %s%n", claim.getString("_id"),
                    claim.getString("state"), claim.getDate("claimedAt").toInstant(), claim.getString("receipt"));
        }
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).find(Filters.exists("processorName")).forEach(token -> out.printf(
                    "token of %s, segment %s: %s%n", token.get("processorName"), token.get("segment"),
                    token.get("token")));
        }
    }

    /** SHA-256 over the drill's vehicle-order documents, in id order, as stored. */
    private static String readModelChecksum(MongoDatabase database) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (Document order : database.getCollection("vehicle_orders").find().sort(Sorts.ascending("_id"))) {
            if (order.getString("purpose") != null && order.getString("purpose").startsWith(DRILL)) {
                sha256.update(order.toJson().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    }

    /** Empties the vehicle-order read model and forgets its processor's place: the next start replays it all. */
    private static Void forgetTheReadModel(MongoDatabase database) {
        database.getCollection("vehicle_orders").deleteMany(new Document());
        long forgotten = 0;
        for (String collection : database.listCollectionNames()) {
            forgotten += database.getCollection(collection).deleteMany(
                    Filters.eq("processorName", "vehicle-orders")).getDeletedCount();
        }
        if (forgotten == 0) {
            throw new IllegalStateException("no tracking token of vehicle-orders found to forget");
        }
        return null;
    }

    /** The drill's figures and verdict, as printed. */
    public static String summary(Report report) {
        return String.format("fault drill: %d hard kills; %d orders sent, %d acknowledged, %d answers lost; "
                        + "%d orders in the log, %d routed to their approvers once; read model %s, after full replay "
                        + "%s; %s", report.kills(),
                report.attempts(), report.acknowledged(), report.lostAnswers(), report.ordersInLog(),
                report.ordersRouted(),
                report.readModelChecksum(), report.replayChecksum(),
                report.violations().isEmpty() ? "every check held" : report.violations().size() + " violations: "
                        + report.violations())
                + (report.stuckKeys().isEmpty() ? "" : "; keys still REQUEST_IN_PROGRESS after " + RESEND_FOR + ": "
                + report.stuckKeys());
    }

    /** {@code ops/bench/fault-drill.sh [--kills N] [--seed S]}: the drill as a command. */
    public static void main(String[] args) throws Exception {
        int kills = 20;
        long seed = System.nanoTime();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("jgsw-fault-drill-");
        System.out.printf("fault drill: %d kills, seed %d, data %s%n", kills, seed, data);
        Report report = new FaultDrill(data, kills, Duration.ofSeconds(4), seed, System.out).run();
        System.out.println(summary(report));
        boolean held = report.violations().isEmpty() && report.stuckKeys().isEmpty();
        if (held) {
            // Only a failed drill's store and log are worth looking into.
            TemporaryData.delete(data);
        } else {
            System.out.println("the store and the platform's log are kept in " + data);
        }
        System.exit(held ? 0 : 1);
    }
}
