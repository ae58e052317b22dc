package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Positions taken in blocks by the single writer of a store: contiguous, what a run leaves is sealed at start, and
 * readers ask for none that was not handed out.
 */
class GlobalPositionsTest {

    private final EventStoreServer server = new EventStoreServer();
    private final MongoDatabase database = server.database();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void positionsOfABlockAreHandedOutInOrderAndTheCounterMovesOncePerBlock() {
        GlobalPositions positions = new GlobalPositions(database, 4);
        assertThat(List.of(positions.reserve(1), positions.reserve(2), positions.reserve(1), positions.reserve(1)))
                .containsExactly(1L, 2L, 4L, 5L);
        assertThat(positions.last()).isEqualTo(5);
        assertThat(counter()).isEqualTo(8);
        // A commit larger than a block gets its positions in one piece, right after the last ones handed out.
        assertThat(positions.reserve(10)).isEqualTo(6);
        assertThat(positions.last()).isEqualTo(15);
    }

    @Test
    void aNewRunStartsAfterWhatTheLastRunTookAndSealsWhatItLeft() {
        EventLogStorageEngine first = server.engine(database).positionsInBlocksOf(64).build();
        first.appendEvents(EventStoreServer.event("order-1", 0), EventStoreServer.event("order-1", 1));
        first.appendEvents(EventStoreServer.event("order-2", 0));
        assertThat(counter()).isEqualTo(64);

        EventLogStorageEngine restarted = server.engine(database).positionsInBlocksOf(64).build();
        assertThat(restarted.sealWhatAnEarlierRunLeftOpen()).isEqualTo(61);
        restarted.appendEvents(EventStoreServer.event("order-3", 0));

        List<? extends TrackedEventMessage<?>> seen = restarted.readEvents(null, false).toList();
        assertThat(seen).hasSize(4);
        GapAwareTrackingToken last = (GapAwareTrackingToken) seen.get(seen.size() - 1).trackingToken();
        assertThat(last.getIndex()).isEqualTo(65);
        assertThat(last.getGaps()).isEmpty();
    }

    @Test
    void aProcessorReadsNoPositionBeyondTheLastOneTheOnlyWriterHandedOut() {
        List<BsonDocument> eventLogReads = new CopyOnWriteArrayList<>();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && event.getCommand().getString("find").getValue().equals(EventLogStorageEngine.EVENT_LOG)) {
                    eventLogReads.add(event.getCommand().clone());
                }
            }
        };
        EventLogStorageEngine engine = server.engine(server.database(recorder)).positionsInBlocksOf(64).build();
        engine.ensureIndexes();
        engine.appendEvents(EventStoreServer.event("order-1", 0), EventStoreServer.event("order-1", 1),
                EventStoreServer.event("order-2", 0));

        List<? extends TrackedEventMessage<?>> seen = engine.readEvents(null, false).toList();
        assertThat(seen).hasSize(3);
        // Positions 4 to 64 are reserved as a block, and yet none of them was handed out: they are not asked for.
        assertThat(eventLogReads).first().satisfies(read -> assertThat(read.getDocument("filter")
                .getDocument("_id").getArray("$in")).containsExactly(new BsonInt64(1), new BsonInt64(2),
                new BsonInt64(3)));

        GapAwareTrackingToken head = (GapAwareTrackingToken) seen.get(2).trackingToken();
        eventLogReads.clear();
        assertThat(engine.fetchTracked(head)).isEmpty();
        assertThat(eventLogReads).as("a poll at the head without gaps").isEmpty();

        engine.appendEvents(EventStoreServer.event("order-3", 0));
        assertThat(engine.fetchTracked(head)).singleElement().satisfies(event ->
                assertThat(event.trackingToken().position()).hasValue(4));
    }

    private long counter() {
        return database.getCollection(GlobalPositions.COLLECTION).find(new Document("_id", "global")).first()
                .getLong("last");
    }
}
