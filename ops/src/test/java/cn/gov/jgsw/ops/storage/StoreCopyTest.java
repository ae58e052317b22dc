package cn.gov.jgsw.ops.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of the store taken while writers write holds every write acknowledged before it began, and opens. */
class StoreCopyTest {

    private static final int WRITERS = 4;
    private static final int IDS_PER_WRITER = 1_000_000;

    @TempDir
    Path directory;

    @Test
    void aCopyTakenUnderWritesHoldsEveryWriteAcknowledgedBeforeItBegan() throws Exception {
        Path copy = directory.resolve("restored/" + EmbeddedMongoServer.STORE_FILE_NAME);
        AtomicIntegerArray acknowledged = new AtomicIntegerArray(WRITERS);
        int[] acknowledgedBefore = new int[WRITERS];
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(directory.resolve("live"), true);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> writes = client.getDatabase("jgsw").getCollection("writes");
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                Future<?>[] running = new Future<?>[WRITERS];
                for (int writer = 0; writer < WRITERS; writer++) {
                    int index = writer;
                    running[writer] = writers.submit(() -> {
                        for (int n = 0; writing.get(); n++) {
                            writes.insertOne(new Document("_id", index * IDS_PER_WRITER + n)
                                    .append("payload", "x".repeat(2_000)));
                            acknowledged.set(index, n + 1);
                        }
                    });
                }
                while (acknowledged.get(0) < 500) {
                    Thread.sleep(10);
                }
                for (int writer = 0; writer < WRITERS; writer++) {
                    acknowledgedBefore[writer] = acknowledged.get(writer);
                }
                Files.createDirectories(copy.getParent());

                assertThat(store.copyStoreTo(copy)).isPositive();

                int during = acknowledged.get(0) - acknowledgedBefore[0];
                writing.set(false);
                for (Future<?> writer : running) {
                    writer.get();
                }
                assertThat(during).as("writes went on during the copy").isPositive();
            } finally {
                writers.shutdownNow();
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");

        try (EmbeddedMongoServer restored = EmbeddedMongoServer.start(copy.getParent(), true);
             MongoClient client = MongoClients.create(restored.connectionString())) {
            Set<Integer> held = new HashSet<>();
            client.getDatabase("jgsw").getCollection("writes").find()
                    .forEach(document -> held.add(document.getInteger("_id")));
            for (int writer = 0; writer < WRITERS; writer++) {
                for (int n = 0; n < acknowledgedBefore[writer]; n++) {
                    assertThat(held).as("writer %d's write %d, acknowledged before the copy", writer, n)
                            .contains(writer * IDS_PER_WRITER + n);
                }
            }
        }
    }
}
