package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ops.PlatformApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A platform in a JVM of its own, as it runs outside the demo profile as far as the API goes: only the contract's
 * persisted operations run ({@code jgsw.graphql.accept-any-document=false}). It still seeds the demo bureaus and
 * people, on a fresh embedded store, so that real people can sign in and nothing of the shared test platform shows.
 * <p>
 * Its own process, not a second application context in the tests' JVM: a context closed in the same JVM can take
 * process-wide resources with it (Reactor's shared schedulers were found terminated under the shared platform's
 * sockets). One is started for the whole run, on first use, and stopped when the run ends.
 */
public final class PersistedOnlyPlatform {

    private static final Duration START_WITHIN = Duration.ofMinutes(3);
    private static PersistedOnlyPlatform shared;

    private final Process process;
    private final int port;

    private PersistedOnlyPlatform(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The run's persisted-only platform, started on first use. */
    public static synchronized PersistedOnlyPlatform shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static PersistedOnlyPlatform start() {
        try {
            int port = freePort();
            Path data = Files.createTempDirectory("jgsw-persisted-only-");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    PlatformApplication.class.getName(), "--spring.profiles.active=demo",
                    "--jgsw.graphql.accept-any-document=false", "--server.port=" + port,
                    "--jgsw.storage.allow-demo-data=true", "--jgsw.storage.data-directory=" + data,
                    "--spring.boot.admin.client.enabled=false", "--jgsw.ledger.tree-head-interval=1d")
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("platform.log").toFile())
                    .start();
            PersistedOnlyPlatform platform = new PersistedOnlyPlatform(process, port);
            platform.awaitReady(data.resolve("platform.log"));
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(START_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the persisted-only platform stopped while starting; see " + log);
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        } catch (RuntimeException notReady) {
            process.destroyForcibly();
            throw new IllegalStateException("the persisted-only platform was not ready; see " + log, notReady);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
