package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ops.PlatformApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The whole platform in a JVM of its own, on its embedded default in a given data directory, started from the tests'
 * class path: for what a second application context in the tests' JVM cannot show (a hard kill) or must not share
 * (process-wide resources such as Reactor's schedulers). Its output goes to {@code platform.log} in the data
 * directory, appended across restarts.
 */
public final class PlatformProcess {

    private static final Duration START_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private PlatformProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the platform in the demo profile and waits until it is ready (demo seeding done).
     *
     * @param port      the HTTP port; the same port across restarts keeps tokens' issuer valid
     * @param arguments further command-line arguments
     */
    public static PlatformProcess start(Path dataDirectory, int port, String heap, String... arguments) {
        Path log = dataDirectory.resolve("platform.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                PlatformApplication.class.getName(), "--spring.profiles.active=demo", "--server.port=" + port,
                "--jgsw.storage.allow-demo-data=true", "--jgsw.storage.data-directory=" + dataDirectory,
                "--spring.boot.admin.client.enabled=false", "--jgsw.ledger.tree-head-interval=1d"));
        command.addAll(List.of(arguments));
        try {
            dataDirectory.toFile().mkdirs();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            PlatformProcess platform = new PlatformProcess(process, port, log);
            platform.awaitReady();
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(START_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the platform stopped while starting; see " + log);
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
            kill();
            throw new IllegalStateException("the platform was not ready; see " + log, notReady);
        }
    }

    /** A hard kill (SIGKILL): no shutdown hook, no flush, nothing of the platform's own making. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A graceful stop (SIGTERM), hard after 30 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The CPU time the platform's process has used so far, as the operating system counts it. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the operating system does not tell the platform's CPU time"));
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
