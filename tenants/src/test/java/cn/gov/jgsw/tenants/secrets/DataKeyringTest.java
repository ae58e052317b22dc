package cn.gov.jgsw.tenants.secrets;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataKeyringTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SECRET = "the cursor key".getBytes(StandardCharsets.UTF_8);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoDatabase database = client.getDatabase("secrets");
    private final KeyEncryptionKey key = KeyEncryptionKey.generate(RANDOM);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSealedSecretOpensForItsContextOnAnyNodeWithTheKey() {
        String sealed = DataKeyring.open(database, key, Clock.systemUTC()).seal("platform_secrets/x/key", SECRET);

        DataKeyring anotherNode = DataKeyring.open(database, key, Clock.systemUTC());

        assertThat(sealed).startsWith("sealed:1:").doesNotContain(HexFormat.of().formatHex(SECRET));
        assertThat(anotherNode.open("platform_secrets/x/key", sealed)).isEqualTo(SECRET);
        assertThat(anotherNode.isSealed(sealed)).isTrue();
        assertThat(anotherNode.isSealed(HexFormat.of().formatHex(SECRET))).isFalse();
    }

    @Test
    void aSealedSecretMovedToAnotherPlaceOrAlteredDoesNotOpen() {
        DataKeyring keyring = DataKeyring.open(database, key, Clock.systemUTC());
        String sealed = keyring.seal("ledger_signing_keys/bureau-nanming/privateKey", SECRET);
        char last = sealed.charAt(sealed.length() - 1);
        String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> keyring.open("ledger_signing_keys/bureau-yunyan/privateKey", sealed))
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> keyring.open("ledger_signing_keys/bureau-nanming/privateKey", altered))
                .hasMessageContaining("does not open");
    }

    @Test
    void theDataKeyIsStoredOnlyWrapped() {
        DataKeyring keyring = DataKeyring.open(database, key, Clock.systemUTC());

        Document stored = database.getCollection("platform_secrets").find(Filters.eq("_id", "data-key")).first();

        assertThat(stored.getString("keyEncryptionKey")).isEqualTo(key.id());
        assertThat(stored.getString("dataKeyId")).isEqualTo(keyring.dataKeyId());
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "dataKeyId", "wrapped", "keyEncryptionKey",
                "createdAt", "sealedCollections");
    }

    @Test
    void anotherKeyEncryptionKeyDoesNotOpenTheStoreAndSaysWhichKeyWould() {
        DataKeyring.open(database, key, Clock.systemUTC());
        KeyEncryptionKey wrong = KeyEncryptionKey.generate(RANDOM);

        assertThatThrownBy(() -> DataKeyring.open(database, wrong, Clock.systemUTC()))
                .isInstanceOf(DataKeyring.WrongKeyEncryptionKeyException.class)
                .hasMessageContaining("The key-encryption key " + wrong.id() + " does not open this store's data key, "
                        + "which is wrapped under " + key.id());
    }

    @Test
    void aWrappedDataKeyThatWasAlteredIsRefused() {
        DataKeyring.open(database, key, Clock.systemUTC());
        database.getCollection("platform_secrets").updateOne(Filters.eq("_id", "data-key"),
                Updates.set("wrapped", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThatThrownBy(() -> DataKeyring.open(database, key, Clock.systemUTC()))
                .isInstanceOf(DataKeyring.WrongKeyEncryptionKeyException.class)
                .hasMessageContaining("was altered");
    }

    @Test
    void afterRewrappingOnlyTheNewKeyOpensTheStoreAndEverySealedSecretStillOpens() {
        DataKeyring keyring = DataKeyring.open(database, key, Clock.systemUTC());
        String sealed = keyring.seal("platform_secrets/x/key", SECRET);
        KeyEncryptionKey next = KeyEncryptionKey.generate(RANDOM);

        assertThat(keyring.rewrap(next, Clock.systemUTC())).isEqualTo(key.id());

        assertThat(keyring.keyEncryptionKey()).isEqualTo(next);
        assertThatThrownBy(() -> DataKeyring.open(database, key, Clock.systemUTC()))
                .isInstanceOf(DataKeyring.WrongKeyEncryptionKeyException.class);
        assertThat(DataKeyring.open(database, next, Clock.systemUTC()).open("platform_secrets/x/key", sealed))
                .isEqualTo(SECRET);
    }

    @Test
    void aSecondRewrapFromTheOldKeyOnAnotherNodeIsRefused() {
        DataKeyring here = DataKeyring.open(database, key, Clock.systemUTC());
        DataKeyring there = DataKeyring.open(database, key, Clock.systemUTC());
        KeyEncryptionKey next = KeyEncryptionKey.generate(RANDOM);
        here.rewrap(next, Clock.systemUTC());

        assertThatThrownBy(() -> there.rewrap(KeyEncryptionKey.generate(RANDOM), Clock.systemUTC()))
                .hasMessageContaining("another node replaced the key-encryption key");
        assertThat(DataKeyring.open(database, next, Clock.systemUTC())).isNotNull();
    }

    @Test
    void secretsSealedUnderAnotherStoresDataKeyDoNotOpenHere() {
        String foreign;
        MongoServer otherServer = new MongoServer(new MemoryBackend());
        try (MongoClient other = MongoClients.create("mongodb://127.0.0.1:" + otherServer.bind().getPort())) {
            foreign = DataKeyring.open(other.getDatabase("secrets"), key, Clock.systemUTC())
                    .seal("platform_secrets/x/key", SECRET);
        } finally {
            otherServer.shutdownNow();
        }

        assertThatThrownBy(() -> DataKeyring.open(database, key, Clock.systemUTC())
                .open("platform_secrets/x/key", foreign)).hasMessageContaining("not sealed under this store's data key");
    }

    @Test
    void aMigrationRunsOnceAndAClearSecretAfterItIsRefused() {
        DataKeyring keyring = DataKeyring.open(database, key, Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();

        keyring.migrateClearSecretsOnce("signing_keys", runs::incrementAndGet);
        DataKeyring.open(database, key, Clock.systemUTC())
                .migrateClearSecretsOnce("signing_keys", runs::incrementAndGet);
        keyring.migrateClearSecretsOnce("ledger_signing_keys", runs::incrementAndGet);

        assertThat(runs).hasValue(2);
        assertThat(keyring.refuseClear("signing_keys", "k1")).hasMessageContaining("someone wrote it into the database");
    }

    @Test
    void nodesStartingTogetherOnAnEmptyStoreAgreeOnOneDataKey() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            List<Future<DataKeyring>> started = new ArrayList<>();
            for (int node = 0; node < 8; node++) {
                started.add(nodes.submit(() -> DataKeyring.open(database, key, Clock.systemUTC())));
            }
            Set<String> dataKeys = new HashSet<>();
            for (Future<DataKeyring> keyring : started) {
                dataKeys.add(keyring.get().dataKeyId());
            }

            assertThat(dataKeys).hasSize(1);
            assertThat(database.getCollection("platform_secrets").countDocuments()).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
    }
}
