package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.domain.audit.api.RecordSensitiveReadCommand;
import cn.gov.jgsw.ops.PlatformApplication;
import cn.gov.jgsw.ops.support.TemporaryData;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the audit ledger includes events, beside how fast the event store appends them, in the same run, on the
 * embedded default: four threads append events (recorded reads, one event per command, each committed) for the
 * given seconds across three bureaus while the ledger's processor includes them; every 5 s the appended and included
 * counts are sampled, and the window (events appended, not yet included) is reported; after the load, how long the
 * ledger takes to catch up; then, with the ledger stopped while 20 s of events are appended, how fast it includes the
 * backlog once started again (its own pace, beyond the append rate). Run with {@code ops/bench/ledger.sh [--seconds N]}.
 */
public final class LedgerBenchmark {

    private static final List<String> BUREAUS = List.of("bureau-nanming", "bureau-yunyan", "bureau-tongzi");

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 1 && args[0].equals("--seconds") ? Integer.parseInt(args[1]) : 60;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(PlatformApplication.class).run(
                "--server.port=" + port,
                "--jgsw.storage.data-directory=" + TemporaryData.directoryDeletedAtExit("ledger-bench"),
                "--jgsw.storage.allow-demo-data=true",
                "--spring.profiles.active=demo",
                "--jgsw.ledger.tree-head-interval=1d",
                "--logging.level.root=WARN");
        try {
            run(platform, seconds);
        } finally {
            platform.close();
        }
        System.exit(0);
    }

    /**
     * The ledger's own pace, beyond the append rate: its processor is stopped while 20 s of events are appended, then
     * started again, and the time it takes to include the backlog is measured.
     */
    private static void catchUp(ConfigurableApplicationContext platform, CommandGateway commands, LedgerStore ledger,
                                long before) throws Exception {
        EventProcessingConfiguration processing = platform.getBean(EventProcessingConfiguration.class);
        EventProcessor processor = processing.eventProcessor(LedgerRecorder.PROCESSING_GROUP).orElseThrow();
        while (included(ledger) < before) {
            Thread.sleep(50);
        }
        processor.shutDown();
        AtomicLong appended = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = writers(commands, appended, stop);
        Thread.sleep(20_000);
        stop.set(true);
        writers.shutdown();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        long backlog = appended.get();
        long start = System.nanoTime();
        processor.start();
        while (included(ledger) < before + backlog) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("catch-up: a backlog of %,d events (ledger stopped for 20 s of appends) included in %.1f s: "
                + "%,.0f events/s%n", backlog, seconds, backlog / seconds);
    }

    /** Four threads appending one event per command across the bureaus until told to stop. */
    private static ExecutorService writers(CommandGateway commands, AtomicLong appended, AtomicBoolean stop) {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    String bureau = BUREAUS.get((thread + n++) % BUREAUS.size());
                    Caller reader = new Caller("bench-reader", bureau, null, Set.of(), "bench");
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordSensitiveReadCommand(
                                    UUID.randomUUID().toString(), bureau, "bench-reader", "bench", "基准测试"))
                            .andMetaData(CommandMetadata.of(reader, null, null)));
                    appended.incrementAndGet();
                }
                return null;
            });
        }
        return writers;
    }

    private static long included(LedgerStore ledger) {
        long total = 0;
        for (String bureau : BUREAUS) {
            total += ledger.sizeOf(bureau);
        }
        return total;
    }

    private static void run(ConfigurableApplicationContext platform, int seconds) throws Exception {
        CommandGateway commands = platform.getBean(CommandGateway.class);
        LedgerStore ledger = platform.getBean(LedgerStore.class);
        MongoDatabase database = platform.getBean(MongoDatabase.class);
        System.out.printf("machine: %d cores, max heap %d MiB; server: embedded default (H2 file, commit every "
                        + "request); ledger batches of 200%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // Let the ledger take in the demo data first.
        long demo = database.getCollection("event_log").countDocuments();
        long waitUntil = System.currentTimeMillis() + 120_000;
        long startIncluded = included(ledger);
        while (System.currentTimeMillis() < waitUntil) {
            Thread.sleep(1000);
            long now = included(ledger);
            if (now == startIncluded && now > 0) {
                break;
            }
            startIncluded = now;
        }
        long baseIncluded = included(ledger);
        System.out.printf("demo data: %,d events stored; the three bureaus' logs hold %,d%n", demo, baseIncluded);

        AtomicLong appended = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = writers(commands, appended, stop);
        long start = System.nanoTime();
        List<Long> windows = new ArrayList<>();
        long lastAppended = 0;
        long lastIncluded = 0;
        for (int t = 5; t <= seconds; t += 5) {
            Thread.sleep(5000);
            long a = appended.get();
            long i = included(ledger) - baseIncluded;
            windows.add(a - i);
            System.out.printf("  t=%3d s: appended %,6d (%,5.0f/s), included %,6d (%,5.0f/s), window %,d events%n", t,
                    a, (a - lastAppended) / 5.0, i, (i - lastIncluded) / 5.0, a - i);
            lastAppended = a;
            lastIncluded = i;
        }
        stop.set(true);
        writers.shutdown();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = appended.get();
        long includedAtStop = included(ledger) - baseIncluded;
        long caughtUpAt = System.nanoTime();
        while (included(ledger) - baseIncluded < total) {
            Thread.sleep(50);
        }
        double catchUp = (System.nanoTime() - caughtUpAt) / 1e9;
        long includedRate = Math.round((includedAtStop) / elapsed);
        Collections.sort(windows);
        System.out.printf("event store: %,d events appended in %.0f s: %,.0f events/s (4 threads, one event per "
                + "commit)%n", total, elapsed, total / elapsed);
        catchUp(platform, commands, ledger, baseIncluded + includedAtStop);
        System.out.printf("ledger: %,d included in the same time: %,d events/s, %.0f%% of the append rate; window "
                        + "(appended, not yet included) median %,d, largest %,d events; all included %.1f s after "
                        + "the load stopped%n", includedAtStop, includedRate, 100.0 * includedRate / (total / elapsed),
                windows.get(windows.size() / 2), windows.get(windows.size() - 1), catchUp);
    }
}
