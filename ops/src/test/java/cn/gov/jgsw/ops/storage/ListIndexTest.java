package cn.gov.jgsw.ops.storage;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The list indexes the embedded store keeps in memory ({@link ListIndex}): which queries they answer, in which order
 * they hold a list, and, through the real driver on the embedded store, that lists and pages read through them
 * ({@link ListedCollection}) hold exactly the documents a full read finds, in the same order, after updates, removals
 * and a restart.
 */
class ListIndexTest {

    /** The platform's lists as the store's own tests declare them. */
    static final StoreLists LISTS = new StoreLists(Set.of("vehicle_orders", "approval_requests", "service_requests"),
            Set.of(), "tenantId", false);


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

    @Test
    void holdsEachListInTheIndexOrderAndAnswersThatOrderItsReverseOrAPrefixOfThem() {
        ListIndex index = new ListIndex("placed", List.of(new IndexKey("tenantId", true),
                new IndexKey("requesterId", true), new IndexKey("orderedAt", false), new IndexKey("_id", false)));
        for (int i = 0; i < 6; i++) {
            index.add(query(Map.of("_id", "order-" + i, "tenantId", "bureau-a", "requesterId", "clerk-" + (i % 2),
                    "orderedAt", i / 2)), "order-" + i, null);
        }
        de.bwaldvogel.mongo.bson.Document clerk0 = query(Map.of("tenantId", "bureau-a", "requesterId", "clerk-0"));

        assertThat(index.positionsInOrder(clerk0, order("orderedAt", -1, "_id", -1)))
                .containsExactly("order-4", "order-2", "order-0");
        assertThat(index.positionsInOrder(clerk0, order("orderedAt", 1, "_id", 1)))
                .containsExactly("order-0", "order-2", "order-4");
        assertThat(index.positionsInOrder(clerk0, order("orderedAt", -1))).containsExactly("order-4", "order-2",
                "order-0");
        assertThat(index.positionsInOrder(query(Map.of("tenantId", "bureau-a", "requesterId", "nobody")),
                order("orderedAt", -1))).isEmpty();

        assertThat(index.positionsInOrder(clerk0, order("orderedAt", -1, "_id", 1))).as("mixed").isNull();
        assertThat(index.positionsInOrder(clerk0, order("_id", -1))).as("not from the first").isNull();
        assertThat(index.positionsInOrder(clerk0, order("requesterId", 1))).as("a list field").isNull();
        assertThat(index.positionsInOrder(clerk0, new de.bwaldvogel.mongo.bson.Document())).as("no order").isNull();
        assertThat(index.positionsInOrder(clerk0, null)).as("no order").isNull();
        assertThat(index.positionsInOrder(query(Map.of("tenantId", "bureau-a")), order("orderedAt", -1)))
                .as("no list").isNull();
    }

    @Test
    void withoutIdAmongItsFieldsEqualValuesFollowTheIdInTheDirectionOfTheLastField() {
        ListIndex index = new ListIndex("inbox", INBOX);
        for (int i = 0; i < 4; i++) {
            index.add(approval("approval-" + i, List.of("user-1")).append("submittedAt", i / 2), "approval-" + i,
                    null);
        }
        assertThat(index.positionsInOrder(inboxOf("user-1"), order("submittedAt", -1, "_id", -1)))
                .containsExactly("approval-3", "approval-2", "approval-1", "approval-0");
        assertThat(index.positionsInOrder(inboxOf("user-1"), order("submittedAt", 1, "_id", 1)))
                .containsExactly("approval-0", "approval-1", "approval-2", "approval-3");
    }

    @Test
    void aDocumentComesOnceWhereAnArrayAmongTheOrderingFieldsListsItMoreThanOnce() {
        ListIndex index = new ListIndex("slots", List.of(new IndexKey("tenantId", true), new IndexKey("kind", true),
                new IndexKey("slots", true)));
        index.add(query(Map.of("_id", "a", "tenantId", "t", "kind", "room", "slots", List.of(5, 1))), "a", null);
        index.add(query(Map.of("_id", "b", "tenantId", "t", "kind", "room", "slots", List.of(3))), "b", null);
        de.bwaldvogel.mongo.bson.Document rooms = query(Map.of("tenantId", "t", "kind", "room"));

        // As MongoDB sorts by an array: ascending by its least element, descending by its greatest.
        assertThat(index.positionsInOrder(rooms, order("slots", 1))).containsExactly("a", "b");
        assertThat(index.positionsInOrder(rooms, order("slots", -1))).containsExactly("a", "b");
        assertThat(index.getPositions(rooms)).containsExactly("a", "b");
        assertThat(index.getCount()).isEqualTo(3);
    }

    private static de.bwaldvogel.mongo.bson.Document order(Object... fieldsAndDirections) {
        de.bwaldvogel.mongo.bson.Document order = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < fieldsAndDirections.length; i += 2) {
            order.append((String) fieldsAndDirections[i], fieldsAndDirections[i + 1]);
        }
        return order;
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
        assertThat(LISTS.listed("approval_requests")).isTrue();
        assertThat(LISTS.listed("telemetry_buckets")).isFalse();
    }

    /**
     * A paged query of a collection the application did not declare as a list would read all of it at every page:
     * refused where the application asks (its tests), served otherwise; declared lists, and queries that are not
     * pages of a bureau's list (unscoped, unsorted or unlimited), pass.
     */
    @Test
    void aPagedQueryOfAnUndeclaredCollectionIsRefusedWhereAsked(@TempDir Path data) {
        StoreLists strict = new StoreLists(Set.of("approval_requests"), Set.of("event_log"), "tenantId", true);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, true, SlowCommandLog.DEFAULT_THRESHOLD,
                strict);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> undeclared = client.getDatabase("jgsw").getCollection("meeting_rooms");
            undeclared.insertOne(new Document("_id", "room-1").append("tenantId", "bureau-a"));
            assertThatThrownBy(() -> undeclared.find(Filters.eq("tenantId", "bureau-a"))
                    .sort(Sorts.ascending("_id")).limit(20).into(new ArrayList<>()))
                    .hasMessageContaining("meeting_rooms, which is not declared as a list");
            assertThat(undeclared.find(Filters.eq("tenantId", "bureau-a")).into(new ArrayList<>())).hasSize(1);
            assertThat(undeclared.find().sort(Sorts.ascending("_id")).limit(20).into(new ArrayList<>())).hasSize(1);
            assertThat(undeclared.find(Filters.eq("tenantId", "bureau-a")).sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>())).as("a bureau's whole list, not paged").hasSize(1);
            assertThat(undeclared.find(Filters.eq("tenantId", "bureau-a")).sort(Sorts.descending("_id")).first())
                    .as("the newest of a bureau's, not a page").isNotNull();
            MongoCollection<Document> scanned = client.getDatabase("jgsw").getCollection("event_log");
            scanned.insertOne(new Document("_id", "event-1").append("tenantId", "bureau-a"));
            assertThat(scanned.find(Filters.eq("tenantId", "bureau-a")).sort(Sorts.ascending("_id")).limit(20)
                    .into(new ArrayList<>())).as("declared as scanned on purpose").hasSize(1);
            MongoCollection<Document> declared = client.getDatabase("jgsw").getCollection("approval_requests");
            declared.insertOne(new Document("_id", "approval-1").append("tenantId", "bureau-a"));
            assertThat(declared.find(Filters.eq("tenantId", "bureau-a")).sort(Sorts.ascending("_id")).limit(20)
                    .into(new ArrayList<>())).hasSize(1);
        }
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
                        .append("submittedAt", i / 4));
            }
            assertListsAsAFullRead(inbox);

            inbox.updateOne(Filters.eq("_id", "approval-0"), Updates.set("waiting", List.of("user-9")));
            inbox.updateMany(Filters.eq("tenantId", "bureau-1"), Updates.pull("waiting", "user-1"));
            inbox.deleteOne(Filters.eq("_id", "approval-4"));
            inbox.replaceOne(Filters.eq("_id", "approval-5"), new Document("_id", "approval-5")
                    .append("tenantId", "bureau-2").append("waiting", List.of()).append("submittedAt", 1));
            assertListsAsAFullRead(inbox);
            Bson user9 = Filters.and(Filters.eq("tenantId", "bureau-0"), Filters.eq("waiting", "user-9"));
            assertThat(ids(inbox.find(user9))).containsExactly("approval-0");
        });
        withStore(data, this::assertListsAsAFullRead);
    }

    /**
     * Every list of every tenant and person, and pages of it in both directions and after a position, read through
     * the index, against the same filter, order and page applied in Java.
     */
    private void assertListsAsAFullRead(MongoCollection<Document> inbox) {
        List<Document> all = inbox.find().into(new ArrayList<>());
        Comparator<Document> newestFirst = Comparator.<Document>comparingInt(d -> d.getInteger("submittedAt"))
                .thenComparing(d -> d.getString("_id")).reversed();
        for (int tenant = 0; tenant < 3; tenant++) {
            for (int user = 0; user < 10; user++) {
                String tenantId = "bureau-" + tenant;
                String userId = "user-" + user;
                List<String> expected = all.stream()
                        .filter(document -> document.getString("tenantId").equals(tenantId)
                                && document.getList("waiting", String.class).contains(userId))
                        .sorted(newestFirst)
                        .map(document -> document.getString("_id"))
                        .toList();
                String list = tenantId + " " + userId;
                Bson inList = Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("waiting", userId));
                assertThat(ids(inbox.find(inList).sort(Sorts.descending("submittedAt", "_id")))).as(list)
                        .isEqualTo(expected);
                assertThat(ids(inbox.find(inList).sort(Sorts.descending("submittedAt", "_id")).skip(1).limit(2)))
                        .as("a page of " + list).isEqualTo(expected.stream().skip(1).limit(2).toList());
                assertThat(ids(inbox.find(inList).sort(Sorts.ascending("submittedAt", "_id")).limit(3)))
                        .as("the oldest of " + list).isEqualTo(oldestFirst(expected).stream().limit(3).toList());
                assertThat(ids(inbox.find(Filters.and(inList, Filters.lt("submittedAt", 7)))
                        .sort(Sorts.descending("submittedAt", "_id")).limit(2)))
                        .as("a page of %s after a position", list).isEqualTo(expected.stream()
                                .filter(id -> all.stream().anyMatch(d -> d.getString("_id").equals(id)
                                        && d.getInteger("submittedAt") < 7))
                                .limit(2).toList());
            }
        }
    }

    private static List<String> oldestFirst(List<String> newestFirst) {
        List<String> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> ids(FindIterable<Document> found) {
        return found.map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private static void withStore(Path data, Consumer<MongoCollection<Document>> work) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, true, SlowCommandLog.DEFAULT_THRESHOLD,
                LISTS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            work.accept(client.getDatabase("jgsw").getCollection("approval_requests"));
        }
    }

    private static de.bwaldvogel.mongo.bson.Document query(Map<String, Object> conditions) {
        return new de.bwaldvogel.mongo.bson.Document(conditions);
    }
}
