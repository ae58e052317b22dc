package cn.gov.jgsw.ops.storage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlowCommandLogTest {

    @Test
    void aCommandIsDescribedByItsCollectionAndTheFieldsItAsksForNeverByTheirValues() {
        BsonDocument find = BsonDocument.parse("{find: 'vehicle_orders', filter: {$and: [{tenantId: 'bureau-nanming'},"
                + " {requesterId: 'user-nanming-civil-servant'}]}, sort: {orderedAt: -1, _id: -1}, limit: 21}");
        assertThat(SlowCommandLog.describe("find", find))
                .isEqualTo("find vehicle_orders filter {$and [{tenantId}, …]} sort {orderedAt, _id}")
                .doesNotContain("nanming");

        BsonDocument update = BsonDocument.parse("{update: 'trackingtokens', updates: [{q: {processorName: 'fleet',"
                + " segment: 0}, u: {$set: {owner: 'node'}}}]}");
        assertThat(SlowCommandLog.describe("update", update))
                .isEqualTo("update trackingtokens updates of {processorName, segment}");
    }

    /**
     * The embedded server times its commands itself, from arrival to commit, and describes them from the documents it
     * read: with a threshold of zero every command is slow.
     */
    @Test
    void theEmbeddedServerLogsItsSlowCommandsThroughTheDriver(@TempDir Path data) {
        Logger logger = (Logger) LoggerFactory.getLogger(SlowCommandLog.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, true, Duration.ZERO, StoreLists.none());
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> orders = client.getDatabase("jgsw").getCollection("vehicle_orders");
            orders.insertOne(new Document("_id", "order-1").append("tenantId", "bureau-nanming"));
            orders.updateOne(Filters.eq("_id", "order-1"), Updates.set("state", "APPROVED"));
            orders.find(Filters.and(Filters.eq("tenantId", "bureau-nanming"), Filters.gt("orderedAt", 0)))
                    .sort(Sorts.descending("orderedAt")).first();
        } finally {
            logger.detachAppender(logged);
        }
        List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages)
                .anyMatch(message -> message.endsWith(": insert vehicle_orders"))
                .anyMatch(message -> message.endsWith(": update vehicle_orders updates of {_id}"))
                .anyMatch(message -> message.endsWith(
                        ": find vehicle_orders filter {$and [{tenantId}, …]} sort {orderedAt}"))
                .allMatch(message -> message.startsWith("Slow database command (") && !message.contains("nanming"));
    }
}
