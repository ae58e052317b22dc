package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored Merkle logs over the real driver: roots and proofs as the in-memory tree gives them, one log per bureau,
 * an event appended once however often it comes, and a size left behind by an append cut short carried forward.
 */
class LedgerStoreTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static String sm3Of(String text) {
        return Hashes.hex(HashFunction.SM3.hash(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rootsAndProofsAreThoseOfTheTreeInMemoryAndEachBureauHasItsOwnLog() {
        LedgerStore store = new LedgerStore(database);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            String hash = sm3Of("event " + i);
            store.append("bureau-nanming", "e" + i, 100 + i, hash, T);
            leaves.add(MerkleTree.leafHash(HashFunction.SM3, Hashes.bytes(hash)));
            if (i % 3 == 0) {
                store.append("bureau-yunyan", "y" + i, 1000 + i, sm3Of("other " + i), T);
            }
        }
        MerkleTree expected = new MerkleTree(HashFunction.SM3, MerkleTree.inMemory(HashFunction.SM3, leaves));
        MerkleTree stored = store.tree("bureau-nanming");

        assertThat(store.sizeOf("bureau-nanming")).isEqualTo(37);
        assertThat(store.sizeOf("bureau-yunyan")).isEqualTo(13);
        for (int size = 1; size <= 37; size++) {
            assertThat(stored.root(size)).isEqualTo(expected.root(size));
        }
        assertThat(stored.inclusionPath(20, 37)).containsExactlyElementsOf(expected.inclusionPath(20, 37));
        assertThat(stored.consistencyProof(11, 37)).containsExactlyElementsOf(expected.consistencyProof(11, 37));
        assertThat(store.entry("bureau-nanming", "e20")).get().extracting(LedgerStore.Entry::index).isEqualTo(20L);
        assertThat(store.entry("bureau-yunyan", "e20")).isEmpty();
    }

    @Test
    void anEventComingAgainIsNotAppendedAgain() {
        LedgerStore store = new LedgerStore(database);
        store.append("bureau-nanming", "e0", 1, sm3Of("a"), T);
        store.append("bureau-nanming", "e1", 2, sm3Of("b"), T);
        LedgerStore.Entry again = store.append("bureau-nanming", "e0", 1, sm3Of("a"), T);

        assertThat(again.index()).isZero();
        assertThat(store.sizeOf("bureau-nanming")).isEqualTo(2);
    }

    @Test
    void aSizeLeftBehindByAnAppendCutShortIsCarriedForwardAtTheNextStart() {
        LedgerStore first = new LedgerStore(database);
        for (int i = 0; i < 5; i++) {
            first.append("bureau-nanming", "e" + i, i, sm3Of("event " + i), T);
        }
        // The crash: the entry of leaf 4 was written, the size was not.
        database.getCollection("ledger_sizes").updateOne(Filters.eq("_id", "bureau-nanming"), Updates.set("size", 4L));

        LedgerStore restarted = new LedgerStore(database);
        assertThat(restarted.sizeOf("bureau-nanming")).isEqualTo(5);
        assertThat(restarted.append("bureau-nanming", "e5", 5, sm3Of("event 5"), T).index()).isEqualTo(5);
        assertThat(restarted.tree("bureau-nanming").root(6)).isEqualTo(first.tree("bureau-nanming").root(6));
    }
}
