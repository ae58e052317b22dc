package cn.gov.jgsw.ops.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An embedded MongoDB-wire server on a loopback port, reached through the real driver over TCP, and engines ("nodes")
 * on it, each with a client of its own.
 */
final class EventStoreServer implements AutoCloseable {

    static final String TENANT = "bureau-nanming";
    static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri;
    private final List<MongoClient> clients = new ArrayList<>();

    EventStoreServer() {
        this.uri = "mongodb://127.0.0.1:" + server.bind().getPort();
    }

    String uri() {
        return uri;
    }

    MongoDatabase database(CommandListener... listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        MongoClient client = MongoClients.create(settings.build());
        clients.add(client);
        return client.getDatabase("jgsw");
    }

    EventLogStorageEngine.Builder engine(MongoDatabase database) {
        return EventLogStorageEngine.builder()
                .database(database)
                .clock(Clock.systemUTC())
                .gapTimeout(Duration.ofMillis(500))
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER);
    }

    EventLogStorageEngine engine() {
        EventLogStorageEngine engine = engine(database()).build();
        engine.ensureIndexes();
        return engine;
    }

    /** An event of the test's counter aggregate, in the test tenant. */
    static DomainEventMessage<CounterMoved> event(String aggregate, long sequence) {
        return event(aggregate, sequence, TENANT, Instant.now());
    }

    static DomainEventMessage<CounterMoved> event(String aggregate, long sequence, String tenant, Instant timestamp) {
        return new GenericDomainEventMessage<>("Counter", aggregate, sequence,
                new CounterMoved(aggregate, sequence, "12.50"), Map.of("tenantId", tenant, "userId", "u-1"),
                UUID.randomUUID().toString(), timestamp);
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    /** The test aggregate's only event; the amount is a decimal written as a string by design of the test. */
    record CounterMoved(String counter, long step, String amount) {
    }
}
