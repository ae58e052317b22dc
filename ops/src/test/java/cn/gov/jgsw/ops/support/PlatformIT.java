package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ops.PlatformApplication;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;

/**
 * Base of the integration tests: the whole platform in the demo profile on a fixed free port, on the embedded server
 * with a fresh data directory, reached over real HTTP. All subclasses share one application context.
 * <p>
 * Setting {@code -Djgsw.it.mongodb-uri=mongodb://...} runs the same suite against a real MongoDB instead.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class PlatformIT {

    private static final int PORT = PlatformProcess.freePort();
    /** The data directory, and beside it the demo's key-encryption key, in one directory deleted at exit. */
    private static final Path DATA_DIRECTORY = TemporaryData.directoryDeletedAtExit("jgsw-it-").resolve("data");

    @Autowired
    protected MongoDatabase platformDatabase;

    @Autowired
    private JWKSource<SecurityContext> platformKeys;

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("jgsw.storage.data-directory", DATA_DIRECTORY::toString);
        registry.add("jgsw.storage.uri", () -> System.getProperty("jgsw.it.mongodb-uri", ""));
        registry.add("jgsw.storage.database", () -> "jgsw-it-" + PORT);
        registry.add("jgsw.storage.allow-demo-data", () -> "true");
        registry.add("spring.profiles.active", () -> "demo");
        // Signed heads are recorded as events of the parent bureau: signed on demand by the ledger's tests only, so
        // that no other test's count of stored events moves under it.
        registry.add("jgsw.ledger.tree-head-interval", () -> "1d");
        // Snapshots far more often than in production, so that every flow of the suite stores and reads them.
        registry.add("jgsw.event-store.snapshot-threshold", () -> "3");
        // A list screen whose collection no context declared as paged fails here instead of scanning on a node.
        registry.add("jgsw.storage.refuse-unlisted-list-queries", () -> "true");
    }

    /** The key the platform signs tokens with now, from its running key source. */
    protected RSAKey platformSigningKey() {
        return ForgedTokens.platformKey(platformKeys);
    }

    /** Every key the platform holds with its private part: the signing key first, then retired ones. */
    protected List<RSAKey> platformSigningKeys() {
        return ForgedTokens.privateKeys(platformKeys);
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    protected long storedEvents() {
        return platformDatabase.getCollection("event_log")
                .countDocuments(new Document("tombstone", new Document("$ne", true)));
    }

    /** Everything a request can leave behind: events, idempotency records, read-model documents. */
    protected long storedRecords() {
        return storedEvents()
                + platformDatabase.getCollection("idempotency_records").countDocuments()
                + platformDatabase.getCollection("personal_settings").countDocuments();
    }

    protected long storedEventsOf(String aggregateIdentifier) {
        return platformDatabase.getCollection("event_log")
                .countDocuments(new Document("aggregateIdentifier", aggregateIdentifier));
    }
}
