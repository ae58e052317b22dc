package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * notification. It polls with a short back-off; the event store issue replaces the version check by the projection's
 * global position.
 */
@Component
public class ReadYourWrites {

    /** Longer than any healthy projection lag; past it the mutation fails with a retryable error. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    public <V> V await(Supplier<V> read, Predicate<V> caughtUp) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pauseNanos = Duration.ofMillis(2).toNanos();
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
            pauseNanos = Math.min(pauseNanos * 2, Duration.ofMillis(50).toNanos());
        }
    }

    /** The projection did not catch up in time; the command is done, a retry with the same key answers. */
    public static final class ProjectionLagException extends ApiException {
        ProjectionLagException() {
            super(ApiErrorCode.REQUEST_IN_PROGRESS, "projection did not catch up within " + PATIENCE);
        }
    }
}
