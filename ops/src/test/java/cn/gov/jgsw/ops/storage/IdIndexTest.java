package cn.gov.jgsw.ops.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _id} index of the embedded store ({@link IdIndex}) names the one document of a look-up by {@code _id}
 * with more conditions; through the real driver, such a conditional write changes the document only when the rest
 * holds, and a duplicate {@code _id} is still refused.
 */
class IdIndexTest {

    @Test
    void aLookupByIdWithMoreConditionsNamesTheDocumentOfThatId() {
        IdIndex<Integer> index = new IdIndex<>(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)),
                false));
        index.add(document(Map.of("_id", "key-1", "claimToken", "a")), 1, null);
        index.add(document(Map.of("_id", "key-2", "claimToken", "b")), 2, null);

        de.bwaldvogel.mongo.bson.Document claim = document(Map.of("$and", List.of(document(Map.of("_id", "key-2")),
                document(Map.of("claimToken", "b")))));
        assertThat(index.canHandle(claim)).isTrue();
        assertThat(index.getPositions(claim)).containsExactly(2);
        assertThat(index.getPositions(document(Map.of("_id", "key-1")))).containsExactly(1);
        assertThat(index.canHandle(document(Map.of("claimToken", "b")))).as("no _id").isFalse();
        assertThat(index.canHandle(document(Map.of("_id", document(Map.of("$gt", "key-1")))))).as("a range")
                .isFalse();
        assertThat(index.isUnique()).isTrue();
    }

    @Test
    void aLookupOfSeveralIdsWithMoreConditionsNamesTheDocumentsOfThoseIds() {
        IdIndex<Integer> index = new IdIndex<>(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)),
                false));
        for (int i = 1; i <= 5; i++) {
            index.add(document(Map.of("_id", "order-" + i, "tenantId", "bureau-" + i % 2)), i, null);
        }

        de.bwaldvogel.mongo.bson.Document named = document(Map.of("$and", List.of(
                document(Map.of("tenantId", "bureau-1")),
                document(Map.of("_id", document(Map.of("$in",
                        List.of("order-1", "order-2", "order-9", "order-1"))))))));
        assertThat(index.canHandle(named)).isTrue();
        assertThat(index.getPositions(named)).as("each named one that exists, once; the server checks the rest")
                .containsExactly(1, 2);
        assertThat(index.canHandle(document(Map.of("tenantId", "bureau-1",
                "_id", document(Map.of("$in", List.of(document(Map.of("$gt", "order-1"))))))))).as("not plain values")
                .isFalse();
    }

    @Test
    void severalIdsOfOneBureauAreReadWithoutAnotherBureausDocuments(@TempDir Path data) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> orders = client.getDatabase("jgsw").getCollection("vehicle_orders");
            for (int i = 0; i < 40; i++) {
                orders.insertOne(new Document("_id", "order-" + i).append("tenantId", "bureau-" + i % 2));
            }

            List<String> found = orders.find(Filters.and(Filters.eq("tenantId", "bureau-1"),
                            Filters.in("_id", "order-3", "order-4", "order-5", "order-404")))
                    .map(document -> document.getString("_id")).into(new ArrayList<>());

            assertThat(found).containsExactlyInAnyOrder("order-3", "order-5");
        }
    }

    @Test
    void aConditionalWriteByIdChangesTheDocumentOnlyWhenTheRestHolds(@TempDir Path data) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> records = client.getDatabase("jgsw").getCollection("idempotency_records");
            for (int i = 0; i < 50; i++) {
                records.insertOne(new Document("_id", "key-" + i).append("claimToken", "token-" + i)
                        .append("state", "IN_PROGRESS"));
            }

            long stolen = records.updateOne(
                    Filters.and(Filters.eq("_id", "key-7"), Filters.eq("claimToken", "token-8")),
                    Updates.set("state", "ANSWERED")).getModifiedCount();
            long own = records.updateOne(Filters.and(Filters.eq("_id", "key-7"), Filters.eq("claimToken", "token-7")),
                    Updates.set("state", "ANSWERED")).getModifiedCount();

            assertThat(stolen).isZero();
            assertThat(own).isEqualTo(1);
            assertThat(records.find(Filters.eq("state", "ANSWERED")).map(document -> document.getString("_id")))
                    .containsExactly("key-7");
            assertThat(records.deleteOne(Filters.and(Filters.eq("_id", "key-9"), Filters.eq("state", "ANSWERED")))
                    .getDeletedCount()).isZero();
            assertThat(records.countDocuments()).isEqualTo(50);
        }
    }

    private static de.bwaldvogel.mongo.bson.Document document(Map<String, Object> fields) {
        return new de.bwaldvogel.mongo.bson.Document(fields);
    }
}
