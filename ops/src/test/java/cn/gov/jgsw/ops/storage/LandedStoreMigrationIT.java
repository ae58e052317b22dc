package cn.gov.jgsw.ops.storage;

import cn.gov.jgsw.ops.PlatformApplication;
import cn.gov.jgsw.ops.secrets.KeyEncryptionKeyFile;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.LandedStore;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.StoreDump;
import cn.gov.jgsw.ops.support.TemporaryData;
import cn.gov.jgsw.projections.audit.api.EvidenceBundles;
import cn.gov.jgsw.verifier.EvidenceVerifier;
import cn.gov.jgsw.verifier.TrustedKeys;
import cn.gov.jgsw.verifier.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory the landed code wrote before ADR 0024 (every key in clear, the store on a TCP port, the directory
 * open to everybody) is migrated at the first start of today's platform. What was in clear went wherever copies of the
 * data went, so: its token signing key is replaced, its sign-ins revoked (people sign in again), its cursor key
 * replaced (its cursors refused); its bureaus' ledger keys are sealed and kept, so the ledger verifies with the keys
 * from before. Its orders are all there, the directory is closed to other users and the store is behind its socket.
 */
class LandedStoreMigrationIT {

    private static Path root;
    private static Path data;
    private static ConfigurableApplicationContext platform;
    private static MongoDatabase database;
    private static String baseUrl;
    private static Instant started;

    @BeforeAll
    static void startOnTheLandedStore() throws Exception {
        root = TemporaryData.directory("landed-migration-");
        data = root.resolve("data");
        LandedStore.unpackInto(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        started = Instant.now();
        int port = PlatformProcess.freePort();
        platform = new SpringApplicationBuilder(PlatformApplication.class).run("--spring.profiles.active=demo",
                "--server.port=" + port, "--jgsw.storage.data-directory=" + data, "--jgsw.storage.uri=",
                "--spring.boot.admin.client.enabled=false", "--jgsw.ledger.tree-head-interval=1d");
        database = platform.getBean(MongoDatabase.class);
        baseUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        TemporaryData.delete(root);
    }

    @Test
    void theDataDirectoryIsClosedToOtherUsersAndTheStoreIsBehindItsSocket() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("platform.mv"))))
                .isEqualTo("rw-------");
        assertThat(platform.getBean(EmbeddedMongoServer.class).socketPath()).isEqualTo(data.resolve("store.sock"));
        assertThat(KeyEncryptionKeyFile.besideDataDirectory(data)).as("the demo's key, made beside the data")
                .exists();
    }

    @Test
    void everyKeyIsSealedAndNoneCanBeTakenFromADump() {
        for (Document key : database.getCollection("signing_keys").find(new Document("_id",
                new Document("$ne", "signing")))) {
            assertThat(key).doesNotContainKey("jwk");
            assertThat(key.getString("privateJwk")).startsWith("sealed:1:");
            assertThat(key.getDate("createdAt").toInstant()).as("made at this start, the earlier key deleted")
                    .isAfterOrEqualTo(started.minusSeconds(1));
        }
        Set<String> ledgerKeys = new HashSet<>();
        for (Document key : database.getCollection("ledger_signing_keys").find()) {
            assertThat(key.getString("privateKey")).startsWith("sealed:1:");
            ledgerKeys.add(key.getString("publicKey"));
        }
        assertThat(ledgerKeys).as("南明 and 贵阳, which witnessed its heads").hasSize(2);
        assertThat(database.getCollection("platform_secrets").find(new Document("_id", "cursor-hmac-key")).first()
                .getString("key")).startsWith("sealed:1:");
        StoreDump dump = StoreDump.of(database);
        assertThat(dump.privateJsonWebKeys()).isEmpty();
        assertThat(dump.ledgerPrivateKeysOf(ledgerKeys)).isEmpty();
    }

    @Test
    void theSignInsOfTheEarlierBuildAreRevokedAndTheirRefreshTokenRefused() throws Exception {
        String refreshToken = LandedStore.answers().get("refreshToken").asText();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> refreshed = new MobileApp(baseUrl).refresh(refreshToken);

        assertThat(database.getCollection("oauth2_authorizations").find(new Document("refresh.sha256", hash)).first())
                .isNull();
        assertThat(StoreDump.of(database).holds(refreshToken)).isFalse();
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
    }

    @Test
    void theEarlierOrderIsThereAndTheEarlierCursorIsRefused() {
        JsonNode answers = LandedStore.answers();
        String cursor = answers.at("/myVehicleOrdersPage/data/myVehicleOrders/edges/0/cursor").asText();
        GraphQlClient clerk = new GraphQlClient(baseUrl, MobileApp.accessTokenOf(baseUrl, "nanming.civil-servant"));

        GraphQlClient.Response firstPage = clerk.execute(GraphQlClient.operation("MyVehicleOrders"),
                Map.of("first", 5));
        GraphQlClient.Response afterTheEarlierCursor = clerk.execute(GraphQlClient.operation("MyVehicleOrders"),
                Map.of("first", 5, "after", cursor));

        assertThat(firstPage.data().at("/myVehicleOrders/edges/0/node/id").asText())
                .isEqualTo(answers.get("orderId").asText());
        assertThat(afterTheEarlierCursor.firstErrorCode()).isEqualTo("INVALID_CURSOR");
    }

    /**
     * The keys of 南明 and of 贵阳 above it, as the earlier build's bundle gave them: the ledger after the upgrade
     * verifies with them. The earlier bundle itself (format v1) is refused: it could not show that it was whole.
     */
    @Test
    void theLedgerVerifiesWithTheBureausKeysFromBeforeTheUpgrade() throws Exception {
        Path landedBundle = LandedStore.evidenceOfNanming(root);
        String keyBefore;
        String parentKeyBefore;
        try (ZipFile zip = new ZipFile(landedBundle.toFile())) {
            keyBefore = new String(zip.getInputStream(zip.getEntry("public-key.txt")).readAllBytes(),
                    StandardCharsets.UTF_8).trim();
            parentKeyBefore = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("bundle.json")))
                    .at("/witnesses/0/parentHead/publicKey").asText();
        }
        TrustedKeys keysBefore = TrustedKeys.of(Map.of("bureau-nanming", keyBefore, "bureau-guiyang",
                parentKeyBefore));
        Path bundle = root.resolve("evidence-after.zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            platform.getBean(EvidenceBundles.class).write("bureau-nanming", Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.now().plusSeconds(60), out);
        }

        Verdict before = EvidenceVerifier.verify(landedBundle, keysBefore);
        Verdict after = EvidenceVerifier.verify(bundle, keysBefore);

        assertThat(parentKeyBefore).hasSize(130);
        assertThat(before.verified()).isFalse();
        assertThat(before.summary()).contains("jgsw-evidence/v1 cannot show that it holds every event");
        assertThat(after.verified()).as(after.summary()).isTrue();
        assertThat(after.summary()).contains("of bureau-nanming", "bureau-guiyang, whose key you supplied");
    }
}
