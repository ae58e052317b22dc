package cn.gov.jgsw.ops.eventstore;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.gov.jgsw.ops.eventstore.EventStoreServer.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server uses an index only for exact values of every field of a unique index ({@code $in} on a single
 * field); anything else scans the collection. Every query of the hot paths (append, aggregate load, last sequence
 * number, snapshots, tracking batches) is recorded as the driver sends it and must have that shape.
 */
class QueryShapeTest {

    private static final Set<String> UNIQUE_FIELDS = Set.of("_id", "aggregateSequence");

    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private final EventStoreServer server = new EventStoreServer();
    private final EventLogStorageEngine engine = engine();

    private EventLogStorageEngine engine() {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        EventLogStorageEngine built = server.engine(server.database(recorder)).aggregateBatchSize(3).build();
        built.ensureIndexes();
        return built;
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void everyHotPathQueryIsAnExactLookupOnAUniqueIndex() {
        commands.clear();
        for (int sequence = 0; sequence < 7; sequence += 1) {
            engine.appendEvents(event("counter-1", sequence), event("counter-" + (sequence + 2), 0));
        }
        engine.storeSnapshot(event("counter-1", 4));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            assertThat(eventStore.readEvents("counter-1").asStream()).hasSize(3);
        } finally {
            eventStore.shutDown();
        }
        assertThat(engine.readEvents("counter-1", 0).asStream()).hasSize(7);
        assertThat(engine.lastSequenceNumberFor("counter-1")).contains(6L);
        List<TrackedEventMessage<?>> tracked = new ArrayList<>();
        TrackingToken token = null;
        engine.readEvents(token, false).forEach(tracked::add);
        assertThat(tracked).hasSize(14);

        List<String> queries = new ArrayList<>();
        for (BsonDocument command : commands) {
            String name = command.getFirstKey();
            switch (name) {
                case "find" -> {
                    assertThat(command.containsKey("sort")).as("sorted: %s", command).isFalse();
                    queries.add(describe(command.getDocument("filter")));
                }
                case "findAndModify" -> queries.add(describe(command.getDocument("query")));
                case "update" -> command.getArray("updates")
                        .forEach(update -> queries.add(describe(update.asDocument().getDocument("q"))));
                case "delete" -> command.getArray("deletes")
                        .forEach(delete -> queries.add(describe(delete.asDocument().getDocument("q"))));
                case "insert" -> {
                }
                default -> throw new AssertionError("unexpected command " + command.toJson());
            }
        }
        System.out.println("[query shapes] " + queries.size() + " queries: " + new TreeSet<>(queries));
        assertThat(queries).allSatisfy(query -> assertThat(query).matches("(_id|aggregateSequence) (=|in)"))
                .contains("_id in", "aggregateSequence in", "aggregateSequence =", "_id =");
    }

    /** {@code field =} or {@code field in}, failing on anything else. */
    private static String describe(BsonDocument filter) {
        assertThat(filter.keySet()).as("filter %s", filter.toJson()).hasSize(1);
        String field = filter.getFirstKey();
        assertThat(UNIQUE_FIELDS).as("filter %s", filter.toJson()).contains(field);
        BsonValue value = filter.get(field);
        if (!value.isDocument()) {
            return field + " =";
        }
        assertThat(value.asDocument().keySet()).as("filter %s", filter.toJson()).containsExactly("$in");
        return field + " in";
    }
}
