package cn.gov.jgsw.ops;

import cn.gov.jgsw.ops.secrets.KeyEncryptionKeyFile;
import cn.gov.jgsw.ops.support.TemporaryData;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile: it needs a real database, seeds nothing, and keeps GraphiQL and introspection off. The
 * "real database" here is a MongoDB-wire server the test starts, reached by URI as production would reach MongoDB.
 */
class ProductionProfileIT {

    /** A production key-encryption key: a file only this user may read, outside any data directory. */
    private static final Path KEY_ENCRYPTION_KEY = TemporaryData.directoryDeletedAtExit("prod-profile-kek")
            .resolve("key-encryption-key");

    static {
        KeyEncryptionKeyFile.create(KEY_ENCRYPTION_KEY);
    }

    @Test
    void productionRefusesToStartOnTheEmbeddedServer() {
        assertThatThrownBy(() -> start("prod", "").close())
                .hasRootCauseMessage("The prod profile needs MONGODB_URI; the embedded server is for demo and tests");
    }

    @Test
    void productionRefusesToStartWithoutAKeyEncryptionKey() {
        MongoServer database = new MongoServer(new MemoryBackend());
        String uri = database.bindAndGetConnectionString();
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(PlatformApplication.class).run(
                    "--spring.profiles.active=prod", "--server.port=0", "--jgsw.storage.uri=" + uri,
                    "--spring.boot.admin.client.enabled=false").close())
                    .rootCause().hasMessageContaining("No key-encryption key: set JGSW_KEY_ENCRYPTION_KEY_FILE");
            assertThat(MongoClients.create(uri).getDatabase("jgsw").getCollection("platform_secrets")
                    .countDocuments()).as("no data key made without one").isZero();
        } finally {
            database.shutdownNow();
        }
    }

    @Test
    void theDemoProfileRefusesToSeedARealDatabase() {
        assertThatThrownBy(() -> start("demo", "mongodb://127.0.0.1:1/").close())
                .rootCause().hasMessageContaining("JGSW_ALLOW_DEMO_DATA");
    }

    @Test
    void productionSeedsNothingAndHidesGraphiqlAndIntrospection() throws Exception {
        MongoServer database = new MongoServer(new MemoryBackend());
        String uri = database.bindAndGetConnectionString();
        try (ConfigurableApplicationContext platform = start("prod", uri);
             MongoClient client = MongoClients.create(uri)) {
            int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> graphiql = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/graphiql")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(graphiql.statusCode()).isEqualTo(404);
            assertThat(client.getDatabase("jgsw").getCollection("users").countDocuments()).isZero();
            assertThat(client.getDatabase("jgsw").getCollection("tenants").countDocuments(new Document())).isZero();
            assertThat(platform.getEnvironment().getProperty("spring.graphql.schema.introspection.enabled"))
                    .isEqualTo("false");
        } finally {
            database.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String profile, String mongoUri) {
        // Command-line arguments, as an operator would pass them: they outrank application.yml.
        return new SpringApplicationBuilder(PlatformApplication.class)
                .run("--spring.profiles.active=" + profile, "--server.port=0", "--jgsw.storage.uri=" + mongoUri,
                        "--spring.boot.admin.client.enabled=false", "--jgsw.storage.data-directory=target/prod-profile-it",
                        "--jgsw.secrets.key-encryption-key-file=" + KEY_ENCRYPTION_KEY);
    }


}
