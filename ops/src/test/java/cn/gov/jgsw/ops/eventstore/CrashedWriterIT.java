package cn.gov.jgsw.ops.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A writer JVM killed hard between reserving positions and writing its commit: readers deliver everything committed
 * before and after, pass over the dead commit's positions once the gap timeout has passed, and its aggregate can be
 * written again.
 */
class CrashedWriterIT {

    private static final int ACKNOWLEDGED = 20;

    private final EventStoreServer server = new EventStoreServer();
    private final EventLogStorageEngine engine = server.engine();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void processorsCarryOnAfterTheGapTimeoutAndNothingCommittedIsLost() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        long firstReserved = runWriterUntilItDies(acknowledged);
        assertThat(acknowledged).hasSize(ACKNOWLEDGED);
        engine.appendEvents(EventStoreServer.event("after-crash", 0));

        List<TrackedEventMessage<?>> seen = new ArrayList<>(engine.readEvents(null, false).toList());
        TrackingToken token = seen.get(seen.size() - 1).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(firstReserved, firstReserved + 1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            engine.readEvents(token, false).forEach(seen::add);
            assertThat(server.database().getCollection(EventLogStorageEngine.EVENT_LOG)
                    .countDocuments(new Document("tombstone", true))).isEqualTo(2);
        });
        engine.appendEvents(EventStoreServer.event("crashed", 0));
        engine.readEvents(seen.get(seen.size() - 1).trackingToken(), false).forEach(seen::add);

        assertThat(seen).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                .containsSubsequence("before-crash", "after-crash", "crashed")
                .filteredOn("crashed"::equals).hasSize(1);
        assertThat(seen).extracting(TrackedEventMessage::getIdentifier).containsAll(acknowledged)
                .doesNotHaveDuplicates().hasSize(ACKNOWLEDGED + 2);
        GapAwareTrackingToken last = (GapAwareTrackingToken) seen.get(seen.size() - 1).trackingToken();
        assertThat(last.getGaps()).isEmpty();
    }

    @Test
    void aRestartOfTheOnlyWriterSealsWhatItsEarlierRunLeftOpenAtOnce() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        long firstReserved = runWriterUntilItDies(acknowledged);

        EventLogStorageEngine restarted = server.engine();
        assertThat(restarted.sealWhatAnEarlierRunLeftOpen()).isEqualTo(2);
        restarted.appendEvents(EventStoreServer.event("after-restart", 0));

        // No gap timeout to wait for: the dead writer's positions are settled before anything new is read.
        List<? extends TrackedEventMessage<?>> seen = restarted.readEvents(null, false).toList();
        assertThat(seen).extracting(TrackedEventMessage::getIdentifier).containsAll(acknowledged);
        assertThat(((GapAwareTrackingToken) seen.get(seen.size() - 1).trackingToken()).getGaps()).isEmpty();
        assertThat(server.database().getCollection(EventLogStorageEngine.EVENT_LOG).countDocuments(
                new Document("tombstone", true).append("_id", new Document("$in",
                        List.of(firstReserved, firstReserved + 1))))).isEqualTo(2);
        assertThat(restarted.sealWhatAnEarlierRunLeftOpen()).isZero();
    }

    /** Answers the first of the two positions the dead writer reserved. */
    private long runWriterUntilItDies(List<String> acknowledged) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), server.uri(), String.valueOf(ACKNOWLEDGED))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Long reserved = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                } else if (line.startsWith("RESERVED ")) {
                    reserved = Long.parseLong(line.split(" ")[1]);
                }
            }
        }
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(137);
        assertThat(reserved).isNotNull();
        return reserved;
    }
}
