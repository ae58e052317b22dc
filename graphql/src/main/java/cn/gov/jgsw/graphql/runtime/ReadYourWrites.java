package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets a mutation answer with the state it caused although projections are updated asynchronously: it re-reads the
 * view until the view has reached the version the command produced.
 * <p>
 * This works on any node of a cluster, because it asks the shared read model rather than waiting for a node-local
 * notification: it polls with a short back-off. On the node whose processors update the view, a processor that
 * handled an event of the mutation's aggregate also wakes it to read at once ({@link HandledEvents}); a mutation
 * waited about half its time for its view, and polls found a view up to a whole pause after it was written.
 * <p>
 * A view that could not apply an event of the object will not catch up: the event waits in its read model's
 * dead-letter queue for an operator. The mutation then answers {@code INTERNAL_ERROR} with its error id within
 * {@link #GRACE_AFTER_DEAD_LETTER}, not {@code REQUEST_IN_PROGRESS} after its whole patience: told at once by this
 * node's processors, and by a look at the queues every {@link #DEAD_LETTER_LOOK_EVERY} (another node's processors,
 * an object whose events were held back before). The grace lets a view fed by another processor catch up.
 */
@Component
public class ReadYourWrites {

    /** Longer than any healthy projection lag; past it the mutation fails with a retryable error. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
    static final Duration GRACE_AFTER_DEAD_LETTER = Duration.ofSeconds(1);
    static final Duration DEAD_LETTER_LOOK_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final HandledEvents handledEvents;
    private final DeadLetteredObjects deadLetteredObjects;
    private final long firstPauseNanos;
    private final long longestPauseNanos;

    @Autowired
    public ReadYourWrites(HandledEvents handledEvents, DeadLetteredObjects deadLetteredObjects) {
        this(handledEvents, deadLetteredObjects, FIRST_PAUSE, LONGEST_PAUSE);
    }

    ReadYourWrites(HandledEvents handledEvents, DeadLetteredObjects deadLetteredObjects, Duration firstPause,
                   Duration longestPause) {
        this.handledEvents = handledEvents;
        this.deadLetteredObjects = deadLetteredObjects;
        this.firstPauseNanos = firstPause.toNanos();
        this.longestPauseNanos = longestPause.toNanos();
    }

    /** Reads until the view has caught up, polling only. */
    public <V> V await(Supplier<V> read, Predicate<V> caughtUp) {
        return await(null, null, read, caughtUp);
    }

    /**
     * Reads until the view has caught up, also woken when this node's processors handle an event of the aggregate.
     * A wake-up that was not for this view costs one read.
     */
    public <V> V await(String aggregateId, Supplier<V> read, Predicate<V> caughtUp) {
        try (HandledEvents.Registration registration = handledEvents.waitFor(aggregateId)) {
            return await(aggregateId, registration, read, caughtUp);
        }
    }

    private <V> V await(String aggregateId, HandledEvents.Registration registration, Supplier<V> read,
                        Predicate<V> caughtUp) {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        long nextLook = started + DEAD_LETTER_LOOK_EVERY.toNanos();
        long deadLetteredAt = 0;
        long pauseNanos = firstPauseNanos;
        while (true) {
            V view = read.get();
            if (caughtUp.test(view)) {
                return view;
            }
            long now = System.nanoTime();
            if (deadLetteredAt == 0 && aggregateId != null
                    && (registration.deadLettered() || now > nextLook && lookAtTheQueues(aggregateId))) {
                deadLetteredAt = now;
                deadline = Math.min(deadline, now + GRACE_AFTER_DEAD_LETTER.toNanos());
            }
            if (now > nextLook) {
                nextLook = now + DEAD_LETTER_LOOK_EVERY.toNanos();
            }
            if (now > deadline) {
                if (deadLetteredAt != 0) {
                    throw new ViewHeldBackException(aggregateId);
                }
                // The caller hears only REQUEST_IN_PROGRESS; the operator needs to know which view is behind.
                log.warn("A mutation's answer gave up waiting for its view after {} ({})", PATIENCE,
                        view == null ? "not there yet" : "behind, a " + view.getClass().getSimpleName());
                throw new ProjectionLagException();
            }
            long until = aggregateId == null || deadLetteredAt != 0 ? deadline : Math.min(deadline, nextLook);
            LockSupport.parkNanos(Math.max(1, Math.min(pauseNanos, until - now)));
            pauseNanos = Math.min(pauseNanos * 2, longestPauseNanos);
        }
    }

    private boolean lookAtTheQueues(String aggregateId) {
        return deadLetteredObjects.holdEventsOf(aggregateId);
    }

    /**
     * A read model could not apply an event of the object, so the mutation's view will not catch up: the command is
     * done and recorded, its answer is an internal error with an error id, and the operator finds the letter on the
     * console.
     */
    static final class ViewHeldBackException extends IllegalStateException {
        ViewHeldBackException(String aggregateId) {
            super("a read model holds back the events of " + aggregateId
                    + " in its dead-letter queue; the command is done, its view will not catch up");
        }
    }

    /** The projection did not catch up in time; the command is done, a retry with the same key answers. */
    public static final class ProjectionLagException extends ApiException {
        ProjectionLagException() {
            super(ApiErrorCode.REQUEST_IN_PROGRESS, "projection did not catch up within " + PATIENCE);
        }
    }
}
