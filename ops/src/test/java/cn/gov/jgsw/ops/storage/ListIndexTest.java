package cn.gov.jgsw.ops.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list indexes the embedded store keeps in memory ({@link ListIndex}): which queries they answer, and, through
 * the real driver on the embedded store, that lists read through them hold exactly the documents a full read finds,
 * after updates, removals and a restart.
 */
class ListIndexTest {

    private static final List<IndexKey> INBOX = List.of(new IndexKey("tenantId", true), new IndexKey("waiting", true),
            new IndexKey("submittedAt", false));

    @Test
    void answersOnlyQueriesThatFixTheTenantAndTheSecondFieldToAPlainValue() {
        ListIndex index = new ListIndex("inbox", INBOX);

        assertThat(index.canHandle(query(Map.of("tenantId", "bureau-a", "waiting", "user-1")))).isTrue();
        assertThat(index.canHandle(query(Map.of("$and", List.of(query(Map.of("tenantId", "bureau-a")),
                query(Map.of("waiting", query(Map.of("$eq", "user-1")))),
                query(Map.of("submittedAt", query(Map.of("$lt", 5))))))))).isTrue();

        assertThat(index.canHandle(query(Map.of("tenantId", "bureau-a")))).as("one field").isFalse();
        assertThat(index.canHandle(query(Map.of("tenantId", "bureau-a", "waiting",
                query(Map.of("$in", List.of("user-1", "user-2"))))))).as("$in").isFalse();
        assertThat(index.canHandle(query(Map.of("tenantId", "bureau-a", "waiting", List.of("user-1")))))
                .as("a whole array").isFalse();
        assertThat(index.canHandle(query(Map.of("$or", List.of(query(Map.of("tenantId", "bureau-a",
                "waiting", "user-1"))))))).as("$or").isFalse();
    }

    @Test
    void namesTheDocumentsOfAListAsTheyComeAndGoByEachElementOfAnArray() {
        ListIndex index = new ListIndex("inbox", INBOX);
        de.bwaldvogel.mongo.bson.Document first = approval("approval-1", List.of("user-1", "user-2"));
        de.bwaldvogel.mongo.bson.Document second = approval("approval-2", List.of("user-1"));
        index.add(first, "approval-1", null);
        index.add(second, "approval-2", null);
        assertThat(index.getPositions(inboxOf("user-1"))).containsExactly("approval-1", "approval-2");
        assertThat(index.getPositions(inboxOf("user-2"))).containsExactly("approval-1");

        index.updateInPlace(first, approval("approval-1", List.of("user-2")), "approval-1", null);
        assertThat(index.getPositions(inboxOf("user-1"))).containsExactly("approval-2");
        index.remove(second);
        assertThat(index.getPositions(inboxOf("user-1"))).isEmpty();
        assertThat(index.getPositions(inboxOf("user-2"))).containsExactly("approval-1");
        assertThat(index.getCount()).isEqualTo(1);
    }

    private static de.bwaldvogel.mongo.bson.Document approval(String id, List<String> waiting) {
        return query(Map.of("_id", id, "tenantId", "bureau-a", "waiting", waiting, "submittedAt", 1));
    }

    private static de.bwaldvogel.mongo.bson.Document inboxOf(String userId) {
        return query(Map.of("tenantId", "bureau-a", "waiting", userId));
    }

    @Test
    void onlyTheTenantFirstIndexesOfTheListedCollectionsAreKept() {
        assertThat(ListIndex.fits(INBOX)).isTrue();
        assertThat(ListIndex.fits(List.of(new IndexKey("tenantId", true)))).isFalse();
        assertThat(ListIndex.fits(List.of(new IndexKey("expiresAt", true), new IndexKey("tenantId", true))))
                .isFalse();
        assertThat(EmbeddedH2Backend.LISTED_COLLECTIONS)
                .containsExactlyInAnyOrder("vehicle_orders", "approval_requests", "service_requests");
    }

    @Test
    void aListReadThroughTheIndexHoldsWhatAFullReadFindsAfterChangesAndARestart(@TempDir Path data) {
        withStore(data, inbox -> {
            inbox.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "waiting"),
                    Indexes.descending("submittedAt")));
            for (int i = 0; i < 60; i++) {
                inbox.insertOne(new Document("_id", "approval-" + i)
                        .append("tenantId", "bureau-" + (i % 3))
                        .append("waiting", List.of("user-" + (i % 4), "user-" + (i % 5)))
                        .append("submittedAt", i));
            }
            assertListsAsAFullRead(inbox);

            inbox.updateOne(Filters.eq("_id", "approval-0"), Updates.set("waiting", List.of("user-9")));
            inbox.updateMany(Filters.eq("tenantId", "bureau-1"), Updates.pull("waiting", "user-1"));
            inbox.deleteOne(Filters.eq("_id", "approval-4"));
            inbox.replaceOne(Filters.eq("_id", "approval-5"), new Document("_id", "approval-5")
                    .append("tenantId", "bureau-2").append("waiting", List.of()).append("submittedAt", 5));
            assertListsAsAFullRead(inbox);
            assertThat(list(inbox, "bureau-0", "user-9")).containsExactly("approval-0");
        });
        withStore(data, this::assertListsAsAFullRead);
    }

    /** Every list of every tenant and person, read through the index, against the same filter applied in Java. */
    private void assertListsAsAFullRead(MongoCollection<Document> inbox) {
        List<Document> all = inbox.find().into(new ArrayList<>());
        for (int tenant = 0; tenant < 3; tenant++) {
            for (int user = 0; user < 10; user++) {
                String tenantId = "bureau-" + tenant;
                String userId = "user-" + user;
                List<String> expected = all.stream()
                        .filter(document -> document.getString("tenantId").equals(tenantId)
                                && document.getList("waiting", String.class).contains(userId))
                        .sorted((a, b) -> Integer.compare(b.getInteger("submittedAt"), a.getInteger("submittedAt")))
                        .map(document -> document.getString("_id"))
                        .toList();
                assertThat(list(inbox, tenantId, userId)).as("%s %s", tenantId, userId).isEqualTo(expected);
            }
        }
    }

    private static List<String> list(MongoCollection<Document> inbox, String tenantId, String userId) {
        return inbox.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("waiting", userId)))
                .sort(Sorts.descending("submittedAt"))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private static void withStore(Path data, Consumer<MongoCollection<Document>> work) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0, true);
             MongoClient client = MongoClients.create(server.connectionString())) {
            work.accept(client.getDatabase("jgsw").getCollection("approval_requests"));
        }
    }

    private static de.bwaldvogel.mongo.bson.Document query(Map<String, Object> conditions) {
        return new de.bwaldvogel.mongo.bson.Document(conditions);
    }
}
