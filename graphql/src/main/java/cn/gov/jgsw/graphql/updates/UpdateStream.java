package cn.gov.jgsw.graphql.updates;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.concurrent.TimeUnit;

/**
 * Follows the shared event stream on this node, from the moment the node starts, and turns events into updates for
 * the sockets this node holds. Every node follows the whole stream, so an update reaches a socket whichever node wrote
 * its event (ARCHITECTURE.md, Cross-cutting conventions). Updates are a nudge to read, not a record: a socket that is
 * not connected misses them, and the app reads the current state when it connects.
 */
@Component
public class UpdateStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateStream.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final UpdatesOfEvents updatesOfEvents;
    private final Sinks.Many<MyUpdate> updates = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;
    private Thread follower;

    public UpdateStream(StreamableMessageSource<TrackedEventMessage<?>> events, UpdatesOfEvents updatesOfEvents) {
        this.events = events;
        this.updatesOfEvents = updatesOfEvents;
    }

    /** The updates for one person of one bureau, as they happen. */
    public Flux<MyUpdate> of(String tenantId, String userId) {
        return updates.asFlux().filter(update -> update.tenantId().equals(tenantId) && update.userId().equals(userId));
    }

    private void follow() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(events.createHeadToken())) {
                while (running) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        for (MyUpdate update : updatesOfEvents.of(event)) {
                            updates.tryEmitNext(update);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Keep following: a lost update only delays what the app shows until it reads again.
                log.warn("Update stream interrupted; following again from the head", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        follower = new Thread(this::follow, "update-stream");
        follower.setDaemon(true);
        follower.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (follower != null) {
            follower.interrupt();
            follower = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
