package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Positions taken in blocks by the single writer of a store: contiguous, and what a run leaves is sealed at start. */
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

    private long counter() {
        return database.getCollection(GlobalPositions.COLLECTION).find(new Document("_id", "global")).first()
                .getLong("last");
    }
}
