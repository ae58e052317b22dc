package cn.gov.jgsw.ops.drills;

import cn.gov.jgsw.ops.secrets.KeyEncryptionKeyFile;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.LedgerKeys;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.TemporaryData;
import cn.gov.jgsw.verifier.EvidenceVerifier;
import cn.gov.jgsw.verifier.TrustedKeys;
import cn.gov.jgsw.verifier.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The restore drill (docs/operations.md): civil servants of four bureaus order cars; while they do, an operator takes a
 * backup of the running platform's store; the platform goes on and is then stopped. The backup is restored, by the
 * restore command, into a fresh directory with the key-encryption key, and a platform started on it: every order
 * acknowledged before the backup began is there, and each bureau's ledger verifies with the bureau's key as published
 * before the backup. Restored with another key, the backup gives nothing, and it shows nothing of what it holds. The
 * backup and the restore are the operator's commands, {@code ops/bin/backup-store.sh} and {@code restore-store.sh}
 * (the latter runs the platform's jar, built by the package phase before the integration tests).
 */
class BackupRestoreDrillIT {

    private static final List<String> CLERKS = List.of("nanming.civil-servant", "yunyan.civil-servant",
            "tongzi.civil-servant", "guiyang.civil-servant");
    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("ops:ops-demo-2026".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Acknowledged(String clerk, String orderId, long atNanos) {
    }

    @Test
    void aBackupTakenUnderLoadRestoresEveryAcknowledgedOrderAndALedgerThatVerifies() throws Exception {
        Path root = TemporaryData.directory("backup-drill-");
        Path data = root.resolve("data");
        Path backup = root.resolve("store.backup");
        Path keyFile = KeyEncryptionKeyFile.besideDataDirectory(data);
        Map<String, String> keysBefore = new LinkedHashMap<>();
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        long backupBegan;
        JsonNode backupAnswer;
        PlatformProcess restored = null;
        try {
            PlatformProcess platform = PlatformProcess.start(data, PlatformProcess.freePort(), "768m");
            try {
                for (String bureau : List.of(LedgerKeys.PROVINCE, "bureau-nanming", "bureau-yunyan", "bureau-tongzi",
                        "bureau-guiyang")) {
                    keysBefore.put(bureau, publicKeyIn(exportEvidence(platform.baseUrl(), bureau, root)));
                }
                AtomicBoolean ordering = new AtomicBoolean(true);
                ExecutorService senders = startOrdering(platform.baseUrl(), ordering, acknowledged);
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 40);

                backupBegan = System.nanoTime();
                Command taken = command(Map.of("JGSW_URL", platform.baseUrl()), "backup-store.sh", backup.toString());
                int acknowledgedWhenBackedUp = acknowledged.size();
                await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= acknowledgedWhenBackedUp + 10);
                ordering.set(false);
                senders.shutdown();
                assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

                assertThat(taken.exitCode()).as(taken.printed()).isZero();
                backupAnswer = JSON.readTree(taken.printed());
                assertThat(backupAnswer.get("keyEncryptionKey").asText())
                        .isEqualTo(KeyEncryptionKeyFile.read(keyFile).id());
                assertThat(backupAnswer.get("bytes").asLong()).isEqualTo(Files.size(backup));
            } finally {
                platform.stop();
            }
            String backupBytes = new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1);
            assertThat(backupBytes).as("the backup shows nothing of what it holds")
                    .doesNotContain("bureau-nanming", "event_log", "VehicleOrderedEvent");

            Path wrongKey = root.resolve("wrong-keys/key-encryption-key");
            KeyEncryptionKeyFile.create(wrongKey);
            Command refused = command(Map.of(), "restore-store.sh", backup.toString(),
                    root.resolve("restored-wrong").toString(), wrongKey.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.printed()).contains("was taken under the key-encryption key");
            assertThat(root.resolve("restored-wrong/platform.mv")).doesNotExist();

            Command done = command(Map.of(), "restore-store.sh", backup.toString(), root.resolve("restored").toString(),
                    keyFile.toString());
            assertThat(done.exitCode()).as(done.printed()).isZero();
            assertThat(done.printed()).contains("Restored the backup taken at");

            restored = PlatformProcess.start(root.resolve("restored"), PlatformProcess.freePort(), "768m",
                    "--jgsw.secrets.key-encryption-key-file=" + keyFile);
            List<Acknowledged> beforeTheBackup = acknowledged.stream().filter(o -> o.atNanos() < backupBegan).toList();
            assertThat(beforeTheBackup).hasSizeGreaterThanOrEqualTo(40);
            for (Acknowledged order : beforeTheBackup) {
                GraphQlClient.Response read = Phones.of(restored.baseUrl(), order.clerk())
                        .execute(GraphQlClient.operation("VehicleOrder"), Map.of("id", order.orderId()));
                assertThat(read.data().at("/vehicleOrder/id").asText()).as(read.body().toString())
                        .isEqualTo(order.orderId());
            }
            int verified = 0;
            for (String clerk : CLERKS) {
                String bureau = bureauOf(clerk);
                long orders = beforeTheBackup.stream().filter(o -> o.clerk().equals(clerk)).count();
                PlatformProcess running = restored;
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Verdict verdict = EvidenceVerifier.verify(exportEvidence(running.baseUrl(), bureau, root),
                            TrustedKeys.of(Map.of(bureau, keysBefore.get(bureau), LedgerKeys.PROVINCE,
                                    keysBefore.get(LedgerKeys.PROVINCE))));
                    assertThat(verdict.verified()).as(verdict.summary()).isTrue();
                    assertThat(eventsIn(verdict)).as(verdict.summary()).isGreaterThanOrEqualTo(orders);
                });
                verified++;
            }
            System.out.printf("backup drill: %d orders acknowledged, %d of them before the backup began; backup of "
                            + "%d bytes (store version %d) taken in %d ms; restored, all %d found; ledgers of %d "
                            + "bureaus verified with their keys from before%n", acknowledged.size(),
                    beforeTheBackup.size(), Files.size(backup), backupAnswer.get("storeVersion").asLong(),
                    backupAnswer.get("milliseconds").asLong(), beforeTheBackup.size(), verified);
        } finally {
            if (restored != null) {
                restored.stop();
            }
            TemporaryData.delete(root);
        }
    }

    private static ExecutorService startOrdering(String baseUrl, AtomicBoolean ordering,
                                                 List<Acknowledged> acknowledged) {
        ExecutorService senders = Executors.newFixedThreadPool(CLERKS.size());
        AtomicInteger sequence = new AtomicInteger();
        for (String clerk : CLERKS) {
            GraphQlClient phone = Phones.of(baseUrl, clerk);
            senders.submit(() -> {
                while (ordering.get()) {
                    GraphQlClient.Response answer = phone.execute(GraphQlClient.operation("OrderVehicle"),
                            Map.of("input", MutationInputs.drillOrder("备份演练", sequence.incrementAndGet())));
                    if (answer.status() == 200 && !answer.hasErrors()) {
                        acknowledged.add(new Acknowledged(clerk, answer.data().at("/orderVehicle/order/id").asText(),
                                System.nanoTime()));
                    }
                }
            });
        }
        return senders;
    }

    private record Command(int exitCode, String printed) {
    }

    /** One of the operator's commands in {@code ops/bin}, as an operator runs it. */
    private static Command command(Map<String, String> environment, String script, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("bin", script).toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Command(process.exitValue(), printed);
    }

    private static String bureauOf(String clerk) {
        return "bureau-" + clerk.substring(0, clerk.indexOf('.'));
    }

    private static Path exportEvidence(String baseUrl, String bureau, Path directory) throws Exception {
        Path bundle = directory.resolve("evidence-" + bureau + "-" + System.nanoTime() + ".zip");
        HttpResponse<Path> exported = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/evidence/"
                        + bureau + "?from=2026-01-01T00:00:00Z&to=" + Instant.now().plusSeconds(60)))
                .header("Authorization", OPERATOR).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(exported.statusCode()).isEqualTo(200);
        return bundle;
    }

    private static String publicKeyIn(Path bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("public-key.txt")).readAllBytes(),
                    StandardCharsets.UTF_8).trim();
        }
    }

    private static long eventsIn(Verdict verdict) {
        String summary = verdict.summary();
        return Long.parseLong(summary.substring(0, summary.indexOf(" events")));
    }
}
