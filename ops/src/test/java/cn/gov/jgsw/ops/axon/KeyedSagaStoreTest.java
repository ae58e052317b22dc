package cn.gov.jgsw.ops.axon;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process store against the embedded MongoDB-wire server, through the real driver over TCP: what a process
 * manager stores it finds again, every command it sends is a look-up by {@code _id} (the only shape the embedded
 * server answers without reading the whole collection), and states written by axon-mongo's store are moved.
 */
class KeyedSagaStoreTest {

    private static final Serializer SERIALIZER = AggregateStateSerializer.create();
    private static final AssociationValue ORDER = new AssociationValue("orderId", "order-1");
    private static final AssociationValue APPROVAL = new AssociationValue("approvalId", "order-1/1");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = client(server.bind().getPort());
    private final MongoDatabase database = client.getDatabase("jgsw");

    private MongoClient client(int port) {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .addCommandListener(recorder)
                .build());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @ParameterizedTest(name = "only writer: {0}")
    @ValueSource(booleans = {true, false})
    void aProcessIsFoundByEachAssociationUntilItEndsAndLeavesNothingBehind(boolean onlyWriter) {
        SagaStore<Object> store = new KeyedSagaStore(database, "sagas", SERIALIZER, onlyWriter);
        store.insertSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 1), Set.of(ORDER));
        assertThat(store.findSagas(TestProcess.class, ORDER)).containsExactly("saga-1");
        assertThat(store.findSagas(OtherProcess.class, ORDER)).as("another process type").isEmpty();

        AssociationValuesImpl associations = new AssociationValuesImpl(Set.of(ORDER));
        associations.add(APPROVAL);
        store.updateSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 2), associations);
        associations.commit();
        assertThat(store.findSagas(TestProcess.class, APPROVAL)).containsExactly("saga-1");
        SagaStore.Entry<TestProcess> loaded = store.loadSaga(TestProcess.class, "saga-1");
        assertThat(loaded.saga()).isEqualTo(new TestProcess("order-1", 2));
        assertThat(loaded.associationValues()).containsExactlyInAnyOrder(ORDER, APPROVAL);

        associations.remove(ORDER);
        store.updateSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 3), associations);
        assertThat(store.findSagas(TestProcess.class, ORDER)).isEmpty();

        store.deleteSaga(TestProcess.class, "saga-1", Set.of(APPROVAL, ORDER));
        assertThat(store.loadSaga(TestProcess.class, "saga-1")).isNull();
        assertThat(store.findSagas(TestProcess.class, APPROVAL)).isEmpty();
        assertThat(database.getCollection(KeyedSagaStore.ASSOCIATIONS_COLLECTION).countDocuments())
                .as("association documents left").isZero();
        assertThat(database.getCollection("sagas").countDocuments()).isZero();
    }

    @ParameterizedTest(name = "only writer: {0}")
    @ValueSource(booleans = {true, false})
    void aValueSharedByTwoProcessesStaysWithTheOneThatDidNotEnd(boolean onlyWriter) {
        SagaStore<Object> store = new KeyedSagaStore(database, "sagas", SERIALIZER, onlyWriter);
        store.insertSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 1), Set.of(ORDER));
        store.insertSaga(TestProcess.class, "saga-2", new TestProcess("order-1", 2), Set.of(ORDER));
        assertThat(store.findSagas(TestProcess.class, ORDER)).containsExactly("saga-1", "saga-2");

        store.deleteSaga(TestProcess.class, "saga-1", Set.of(ORDER));

        assertThat(store.findSagas(TestProcess.class, ORDER)).containsExactly("saga-2");
        assertThat(store.loadSaga(TestProcess.class, "saga-2").saga()).isEqualTo(new TestProcess("order-1", 2));
    }

    @Test
    void everyCommandOfTheEmbeddedStoreIsALookupByIdAndAProcessWritesEachCollectionOnceAStep() {
        SagaStore<Object> store = new KeyedSagaStore(database, "sagas", SERIALIZER, true);
        commands.clear();
        store.findSagas(TestProcess.class, ORDER);
        store.insertSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 1), Set.of(ORDER, APPROVAL));
        assertThat(writes()).as("a process started").containsExactly("insert sagas", "update saga_associations");
        store.findSagas(TestProcess.class, ORDER);
        store.loadSaga(TestProcess.class, "saga-1");
        AssociationValuesImpl associations = new AssociationValuesImpl(Set.of(ORDER, APPROVAL));
        associations.add(new AssociationValue("vehicleId", "vehicle-1"));
        store.updateSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 2), associations);
        commands.clear();
        store.deleteSaga(TestProcess.class, "saga-1", Set.of(ORDER, APPROVAL, new AssociationValue("vehicleId",
                "vehicle-1")));
        assertThat(writes()).as("a process ended").containsExactly("delete saga_associations", "delete sagas");

        List<BsonDocument> filters = commands.stream().flatMap(command -> filtersOf(command).stream()).toList();
        assertThat(filters).isNotEmpty();
        assertThat(filters).allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"));
    }

    @Test
    void statesWrittenByAxonMongosStoreAreMovedOnceAndFoundAfterwards() {
        MongoSagaStore earlierStore = MongoSagaStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(SERIALIZER)
                .build();
        earlierStore.insertSaga(TestProcess.class, "saga-1", new TestProcess("order-1", 7), Set.of(ORDER, APPROVAL));
        earlierStore.insertSaga(TestProcess.class, "saga-2", new TestProcess("order-2", 1),
                Set.of(new AssociationValue("orderId", "order-2")));
        KeyedSagaStore store = new KeyedSagaStore(database, "sagas", SERIALIZER, true);

        assertThat(store.moveSagasOfEarlierFormat()).isEqualTo(2);
        assertThat(store.moveSagasOfEarlierFormat()).as("a second start").isZero();

        assertThat(store.findSagas(TestProcess.class, APPROVAL)).containsExactly("saga-1");
        assertThat(store.loadSaga(TestProcess.class, "saga-1").saga()).isEqualTo(new TestProcess("order-1", 7));
        assertThat(store.findSagas(TestProcess.class, new AssociationValue("orderId", "order-2")))
                .containsExactly("saga-2");
        assertThat(database.getCollection("sagas").find().map(document -> document.get("_id")))
                .containsExactlyInAnyOrder("saga-1", "saga-2");
    }

    /** The write requests sent since the last clear, as command and collection. */
    private List<String> writes() {
        Set<String> writeCommands = Set.of("insert", "update", "delete", "findAndModify");
        return commands.stream().filter(command -> writeCommands.contains(command.getFirstKey()))
                .map(command -> command.getFirstKey() + " " + command.getString(command.getFirstKey()).getValue())
                .toList();
    }

    private static List<BsonDocument> filtersOf(BsonDocument command) {
        return switch (command.getFirstKey()) {
            case "find" -> List.of(command.getDocument("filter"));
            case "findAndModify" -> List.of(command.getDocument("query"));
            case "update" -> statements(command, "updates", "q");
            case "delete" -> statements(command, "deletes", "q");
            case "insert" -> command.getArray("documents").stream()
                    .map(document -> new BsonDocument("_id", document.asDocument().get("_id"))).toList();
            default -> throw new AssertionError("unexpected command " + command.toJson());
        };
    }

    private static List<BsonDocument> statements(BsonDocument command, String array, String filter) {
        return command.getArray(array).stream().map(statement -> statement.asDocument().getDocument(filter))
                .toList();
    }

    /** A process's state: private fields, as the domain's processes have. */
    static final class TestProcess {
        private String orderId;
        private int step;

        TestProcess() {
        }

        TestProcess(String orderId, int step) {
            this.orderId = orderId;
            this.step = step;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestProcess process && process.orderId.equals(orderId) && process.step == step;
        }

        @Override
        public int hashCode() {
            return orderId.hashCode() * 31 + step;
        }
    }

    /** A second process type, whose associations are its own. */
    static final class OtherProcess {
    }
}
