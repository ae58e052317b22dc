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
 */
@Component
public class ReadYourWrites {

    /** Longer than any healthy projection lag; past it the mutation fails with a retryable error. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final HandledEvents handledEvents;
    private final long firstPauseNanos;
    private final long longestPauseNanos;

    @Autowired
    public ReadYourWrites(HandledEvents handledEvents) {
        this(handledEvents, FIRST_PAUSE, LONGEST_PAUSE);
    }

    ReadYourWrites(HandledEvents handledEvents, Duration firstPause, Duration longestPause) {
        this.handledEvents = handledEvents;
        this.firstPauseNanos = firstPause.toNanos();
        this.longestPauseNanos = longestPause.toNanos();
    }

    /** Reads until the view has caught up, polling only. */
    public <V> V await(Supplier<V> read, Predicate<V> caughtUp) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pauseNanos = firstPauseNanos;
        while (true) {
            V view = read.get();
            if (caughtUp.test(view)) {
                return view;
            }
            if (System.nanoTime() > deadline) {
                // The caller hears only REQUEST_IN_PROGRESS; the operator needs to know which view is behind.
                log.warn("A mutation's answer gave up waiting for its view after {} ({})", PATIENCE,
                        view == null ? "not there yet" : "behind, a " + view.getClass().getSimpleName());
                throw new ProjectionLagException();
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, longestPauseNanos);
        }
    }

    /**
     * Reads until the view has caught up, also woken when this node's processors handle an event of the aggregate.
     * A wake-up that was not for this view costs one read.
     */
    public <V> V await(String aggregateId, Supplier<V> read, Predicate<V> caughtUp) {
        try (HandledEvents.Registration ignored = handledEvents.waitFor(aggregateId)) {
            return await(read, caughtUp);
        }
    }

    /** The projection did not catch up in time; the command is done, a retry with the same key answers. */
    public static final class ProjectionLagException extends ApiException {
        ProjectionLagException() {
            super(ApiErrorCode.REQUEST_IN_PROGRESS, "projection did not catch up within " + PATIENCE);
        }
    }
}
