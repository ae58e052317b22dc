package cn.gov.jgsw.ops.storage;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's index keys compare by cached serialized forms ({@link IndexKeyType}). The order and the bytes
 * must be the ones H2 gives them by default: an index written before must still find every key, and still refuse a
 * duplicate. Documents written before {@link DocumentValueType} must still read.
 */
class EmbeddedH2BackendTest {

    private static final int ORDERS = 600;

    @Test
    void indexKeysAreOrderedExactlyAsH2OrdersThem() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue("order-" + i));
            keys.add(new KeyValue((long) i * 7919));
            keys.add(new KeyValue(i * 31));
            keys.add(new KeyValue("bureau-" + (i % 3), (long) i));
            keys.add(new KeyValue(new de.bwaldvogel.mongo.bson.Document("tenant", "t" + i)));
        }
        ObjectDataType stock = new ObjectDataType();
        IndexKeyType cached = new IndexKeyType();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(cached.compare(a, b)))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
            }
        }
    }

    /** Keys are written byte for byte as H2 writes them, and either type reads what the other wrote. */
    @Test
    void indexKeysAreWrittenAndReadInH2sOwnForm() {
        Object[] keys = {new KeyValue("order-1"), new KeyValue("bureau-2", 7L), 42L, "plain",
                new KeyValue(new de.bwaldvogel.mongo.bson.Document("tenant", "t1")), new KeyValue("order-1")};
        ObjectDataType stock = new ObjectDataType();
        IndexKeyType cached = new IndexKeyType();
        WriteBuffer byStock = new WriteBuffer();
        stock.write(byStock, keys, keys.length);
        WriteBuffer byCached = new WriteBuffer();
        cached.write(byCached, keys, keys.length);
        assertThat(bytesOf(byCached)).isEqualTo(bytesOf(byStock));

        Object[] readByCached = new Object[keys.length];
        cached.read(byStock.getBuffer().flip(), readByCached, keys.length);
        assertThat(readByCached).containsExactly(keys);
        WriteBuffer again = new WriteBuffer();
        cached.write(again, readByCached, keys.length);
        assertThat(bytesOf(again)).as("keys read, written again").isEqualTo(bytesOf(byStock));
        Object[] readByStock = new Object[keys.length];
        stock.read(again.getBuffer().flip(), readByStock, keys.length);
        assertThat(readByStock).containsExactly(keys);
    }

    private static byte[] bytesOf(WriteBuffer written) {
        ByteBuffer buffer = written.getBuffer().duplicate().flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void aStoreWrittenWithH2sDefaultsIsReadAndGuardedTheSame(@TempDir Path data) {
        String file = data.resolve("platform.mv").toString();
        withServer(new H2Backend(file), orders -> {
            orders.createIndex(Indexes.ascending("tenantId", "number"), new IndexOptions().unique(true));
            List<Document> written = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                written.add(new Document("_id", "order-" + i).append("tenantId", "bureau-" + (i % 6))
                        .append("number", (long) i));
            }
            orders.insertMany(written);
        });

        EmbeddedH2Backend reopened = new EmbeddedH2Backend(file, ListIndexTest.LISTS);
        withServer(reopened, orders -> {
            assertThat(reopened.getMvStore()
                    .openMap(EmbeddedH2Backend.indexMapName("jgsw", "orders", "_id_")).getKeyType())
                    .isInstanceOf(IndexKeyType.class);
            assertThat(reopened.getMvStore()
                    .openMap(EmbeddedH2Backend.indexMapName("jgsw", "orders", "tenantId_1_number_1")).getKeyType())
                    .isInstanceOf(IndexKeyType.class);
            for (int i = 0; i < ORDERS; i++) {
                assertThat(orders.find(eq("_id", "order-" + i)).first()).as("order-" + i).isNotNull();
            }
            assertThatThrownBy(() -> orders.insertOne(new Document("_id", "order-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> orders.insertOne(new Document("_id", "again").append("tenantId", "bureau-5")
                    .append("number", 5L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            orders.insertOne(new Document("_id", "order-new").append("tenantId", "bureau-0").append("number", -1L));
            assertThat(orders.find(eq("_id", "order-new")).first()).isNotNull();
            assertThat(orders.countDocuments()).isEqualTo(ORDERS + 1);
        });
    }

    @Test
    void aListedCollectionKeepsItsDocumentsWhereTheLibraryDoes(@TempDir Path data) {
        String file = data.resolve("platform.mv").toString();
        withServer(new H2Backend(file), "vehicle_orders", orders -> {
            for (int i = 0; i < 30; i++) {
                orders.insertOne(new Document("_id", "order-" + i).append("tenantId", "bureau-" + (i % 3)));
            }
        });

        EmbeddedH2Backend reopened = new EmbeddedH2Backend(file, ListIndexTest.LISTS);
        withServer(reopened, "vehicle_orders", orders -> {
            assertThat(reopened.getMvStore().hasMap(EmbeddedH2Backend.documentsMapName("jgsw.vehicle_orders")))
                    .isTrue();
            assertThat(reopened.getMvStore().hasMap(EmbeddedH2Backend.metaMapName("jgsw.vehicle_orders"))).isTrue();
            assertThat(orders.countDocuments()).isEqualTo(30);
            assertThat(orders.find(eq("_id", "order-7")).first()).containsEntry("tenantId", "bureau-1");
            orders.insertOne(new Document("_id", "order-new").append("tenantId", "bureau-0"));
        });

        MVStore store = MVStore.open(file);
        try {
            assertThat(store.openMap(EmbeddedH2Backend.documentsMapName("jgsw.vehicle_orders")).sizeAsLong())
                    .isEqualTo(31);
        } finally {
            store.close();
        }
    }

    /**
     * A store file from before {@link DocumentValueType} holds its documents in Java's object serialization. Opened by
     * the platform, every document reads as it did, whatever its field types; a changed one is written as BSON, and the
     * file, now holding both forms, reads the same once more.
     */
    @Test
    void documentsWrittenInTheEarlierFormReadTheSameAndChangeToBson(@TempDir Path data) {
        String file = data.resolve("platform.mv").toString();
        List<Document> asWritten = new ArrayList<>();
        withServer(new H2Backend(file), orders -> {
            for (int i = 0; i < 40; i++) {
                orders.insertOne(everyFieldType(i));
            }
            orders.find().forEach(asWritten::add);
        });
        assertThat(asWritten).hasSize(40);

        EmbeddedH2Backend reopened = new EmbeddedH2Backend(file, ListIndexTest.LISTS);
        withServer(reopened, orders -> {
            assertThat(reopened.getMvStore().openMap(EmbeddedH2Backend.documentsMapName("jgsw.orders"))
                    .getValueType()).isInstanceOf(DocumentValueType.class);
            assertThat(orders.find().into(new ArrayList<>())).isEqualTo(asWritten);
            for (int i = 0; i < 40; i += 2) {
                orders.updateOne(eq("_id", asWritten.get(i).get("_id")), Updates.set("state", "APPROVED"));
                asWritten.get(i).put("state", "APPROVED");
            }
            reopened.commit();
        });

        withServer(new EmbeddedH2Backend(file, ListIndexTest.LISTS),
                orders -> assertThat(orders.find().into(new ArrayList<>())).isEqualTo(asWritten));
    }

    private static Document everyFieldType(int i) {
        return new Document("_id", "order-" + i)
                .append("tenantId", "bureau-" + (i % 3))
                .append("state", "SUBMITTED")
                .append("seats", i)
                .append("number", 1_000_000_000_000L + i)
                .append("distanceKm", 12.5 + i)
                .append("urgent", i % 2 == 0)
                .append("requestedAt", new java.util.Date(1_790_000_000_000L + i))
                .append("eventId", new org.bson.types.ObjectId())
                .append("cost", org.bson.types.Decimal128.parse("1234.5" + i))
                .append("signature", new org.bson.types.Binary(new byte[] {1, 2, (byte) i}))
                .append("cancelledAt", null)
                .append("passengers", List.of("王伟", "李娜", "order-" + i))
                .append("route", new Document("from", "县机关事务管理局").append("stops", List.of(1, 2L, 3.0)));
    }

    /**
     * Only the platform commits, so a commit never holds half a request (ADR 0020). H2 would commit on its own from a
     * background writer after a second without a commit, and from a writing thread once about 19 MB were unsaved:
     * this writes 32 MB without a commit and finds the file's version unchanged.
     */
    @Test
    void theStoreCommitsNothingOnItsOwn(@TempDir Path data) {
        EmbeddedH2Backend backend = new EmbeddedH2Backend(data.resolve("platform.mv").toString(),
                ListIndexTest.LISTS);
        MVStore store = backend.getMvStore();
        try {
            long version = store.getCurrentVersion();
            MVMap<Integer, byte[]> map = store.openMap("unsaved");
            for (int i = 0; i < 32; i++) {
                map.put(i, new byte[1 << 20]);
            }
            assertThat(store.getFileStore().getAutoCommitDelay()).as("H2's background writer").isZero();
            assertThat(store.getCurrentVersion()).as("the store's version after 32 MB unsaved").isEqualTo(version);
            assertThat(store.hasUnsavedChanges()).isTrue();
        } finally {
            backend.close();
        }
    }

    /**
     * The platform commits after every group of requests, and most of each commit is dead at the next one. Under
     * updates that never stop, the file must reuse that space once {@link EmbeddedH2Backend#RETENTION_MILLIS} has
     * passed, and so hold about what the last few seconds wrote, not everything since it was opened. With H2's 45
     * seconds it held every byte this test wrote in its 20 seconds. The live pages of chunks that are mostly dead are
     * moved on by {@link StoreFileUpkeep}, as the platform runs it.
     */
    @Test
    void theStoreFileReusesItsDeadSpaceAfterTheRetentionTime(@TempDir Path data) {
        EmbeddedH2Backend backend = new EmbeddedH2Backend(data.resolve("platform.mv").toString(),
                ListIndexTest.LISTS);
        MVStore store = backend.getMvStore();
        long retention = TimeUnit.MILLISECONDS.toNanos(EmbeddedH2Backend.RETENTION_MILLIS);
        List<Map<String, String>> figures = new ArrayList<>();
        StoreFileUpkeep upkeep = new StoreFileUpkeep(store);
        SlowCommandLog slowCommands = new SlowCommandLog(SlowCommandLog.DEFAULT_THRESHOLD);
        DurableBackend durable = new DurableBackend(backend, true, slowCommands, StoreLists.none());
        withServer(durable, "orders", orders -> {
            for (int i = 0; i < 20; i++) {
                orders.insertOne(new Document("_id", "order-" + i).append("state", 0L).append("note", "x".repeat(500)));
            }
            long start = System.nanoTime();
            long n = 0;
            for (int period = 2; period <= 4; period += 2) {
                while (System.nanoTime() < start + period * retention) {
                    n++;
                    orders.updateOne(eq("_id", "order-" + n % 20), Updates.set("state", n));
                }
                Map<String, String> now = new HashMap<>();
                store.getFileStore().populateInfo(now::put);
                figures.add(now);
            }
        });
        upkeep.close();
        long writtenBefore = Long.parseLong(figures.get(0).get("info.FILE_WRITE_BYTES"));
        long written = Long.parseLong(figures.get(1).get("info.FILE_WRITE_BYTES"));
        long fileSize = Long.parseLong(figures.get(1).get("info.FILE_SIZE"));
        System.out.printf("store file: %,d bytes written, %,d of them in the last %d ms; file %,d bytes%n",
                written, written - writtenBefore, 2 * EmbeddedH2Backend.RETENTION_MILLIS, fileSize);
        // Kept for good, the file would be twice what the second half of the test wrote.
        assertThat(fileSize).isLessThan((written - writtenBefore) * 13 / 10);
    }

    private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        withServer(backend, "orders", use);
    }

    private static void withServer(MongoBackend backend, String collection,
                                   Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort())) {
            use.accept(client.getDatabase("jgsw").getCollection(collection));
        } finally {
            server.shutdown();
        }
    }
}
