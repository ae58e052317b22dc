package cn.gov.jgsw.ops.support;

import java.nio.file.Path;

/**
 * The run's platform as it runs outside the demo profile as far as the API goes: only the contract's persisted
 * operations run ({@code jgsw.graphql.accept-any-document=false}). It still seeds the demo bureaus and people, on a
 * fresh embedded store, so that real people can sign in and nothing of the shared test platform shows.
 * <p>
 * A {@link PlatformProcess}, not a second application context in the tests' JVM: a context closed in the same JVM
 * can take process-wide resources with it (Reactor's shared schedulers were found terminated under the shared
 * platform's sockets). One is started for the whole run, on first use, and stopped when the run ends.
 */
public final class PersistedOnlyPlatform {

    private static PlatformProcess shared;

    private PersistedOnlyPlatform() {
    }

    /** The run's persisted-only platform, started on first use. */
    public static synchronized PlatformProcess shared() {
        if (shared == null) {
            Path data = TemporaryData.directory("jgsw-persisted-only-");
            PlatformProcess platform = PlatformProcess.start(data, PlatformProcess.freePort(), "512m",
                    "--jgsw.graphql.accept-any-document=false");
            shared = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.stop();
                TemporaryData.delete(data);
            }));
        }
        return shared;
    }
}
