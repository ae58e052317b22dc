package cn.gov.jgsw.ops.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.time.Clock;
import java.time.Duration;

/**
 * The child JVM of {@link CrashedWriterIT}: appends events one commit at a time, printing {@code ACK <event id>} after
 * each, then starts a commit of two events and kills itself hard ({@link Runtime#halt}) right after its positions are
 * reserved, before anything of it is written.
 */
public final class CrashingWriter {

    public static void main(String[] args) {
        String uri = args[0];
        int acknowledged = Integer.parseInt(args[1]);
        try (MongoClient client = MongoClients.create(uri)) {
            EventLogStorageEngine engine = EventLogStorageEngine.builder()
                    .database(client.getDatabase("jgsw"))
                    .clock(Clock.systemUTC())
                    .gapTimeout(Duration.ofMillis(500))
                    .eventSerializer(EventStoreServer.SERIALIZER)
                    .snapshotSerializer(EventStoreServer.SERIALIZER)
                    .appendHook((first, count) -> {
                        if (count == 2) {
                            System.out.println("RESERVED " + first + " " + count);
                            System.out.flush();
                            Runtime.getRuntime().halt(137);
                        }
                    })
                    .build();
            for (int sequence = 0; sequence < acknowledged; sequence++) {
                var event = EventStoreServer.event("before-crash", sequence);
                engine.appendEvents(event);
                System.out.println("ACK " + event.getIdentifier());
                System.out.flush();
            }
            engine.appendEvents(EventStoreServer.event("crashed", 0), EventStoreServer.event("crashed", 1));
        }
        System.out.println("NOT KILLED");
    }
}
