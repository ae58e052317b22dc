package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ops.PlatformApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A platform of its own, as it runs outside the demo profile as far as the API goes: only the contract's persisted
 * operations run ({@code jgsw.graphql.accept-any-document=false}). It still seeds the demo bureaus and people, on a
 * fresh embedded store, so that real people can sign in and nothing of the shared test platform shows.
 */
public final class PersistedOnlyPlatform implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private PersistedOnlyPlatform(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static PersistedOnlyPlatform start() {
        try {
            return new PersistedOnlyPlatform(new SpringApplicationBuilder(PlatformApplication.class).run(
                    "--spring.profiles.active=demo", "--jgsw.graphql.accept-any-document=false",
                    "--server.port=0", "--jgsw.storage.allow-demo-data=true",
                    "--jgsw.storage.data-directory=" + Files.createTempDirectory("jgsw-persisted-only-"),
                    "--spring.boot.admin.client.enabled=false", "--jgsw.ledger.tree-head-interval=1d"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
