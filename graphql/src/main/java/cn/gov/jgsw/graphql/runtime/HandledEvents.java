package cn.gov.jgsw.graphql.runtime;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the mutations waiting for their views ({@link ReadYourWrites}) when an event processor of this node has
 * handled an event of the aggregate they changed, so that they read again at once instead of at their next poll; and
 * tells them when a processor put an event of that aggregate into its dead-letter queue, since their view will then
 * not catch up until an operator acts.
 * <p>
 * A wake-up is a hint: the waiter reads its view again and goes on waiting if the view is still behind (another
 * processor handled the event first). Processors on another node wake nobody here; the waiter's polls find their
 * views, and its checks of the dead-letter queues their letters, as before.
 */
@Component
public class HandledEvents {

    /** Those waiting, by the aggregate each waits for. */
    private final ConcurrentMap<String, Set<Registration>> waiting = new ConcurrentHashMap<>();

    /** Called by every event processor of this node after it handled an event of the aggregate. */
    public void handled(String aggregateId) {
        Set<Registration> registrations = waiting.get(aggregateId);
        if (registrations != null) {
            registrations.forEach(registration -> LockSupport.unpark(registration.thread));
        }
    }

    /** Called when a processor of this node put an event of the aggregate into its dead-letter queue. */
    public void deadLettered(String aggregateId) {
        Set<Registration> registrations = waiting.get(aggregateId);
        if (registrations != null) {
            registrations.forEach(registration -> {
                registration.deadLettered = true;
                LockSupport.unpark(registration.thread);
            });
        }
    }

    /**
     * Makes the calling thread one that {@link #handled} wakes, until the returned registration is closed. A thread
     * woken while it is not parked finds its next park returning at once, so no wake-up between two reads is lost.
     */
    Registration waitFor(String aggregateId) {
        Registration registration = new Registration(aggregateId, Thread.currentThread());
        waiting.computeIfAbsent(aggregateId, id -> ConcurrentHashMap.newKeySet()).add(registration);
        return registration;
    }

    /** A thread's wait for an aggregate, ended by {@link #close}. */
    final class Registration implements AutoCloseable {

        private final String aggregateId;
        private final Thread thread;
        private volatile boolean deadLettered;

        private Registration(String aggregateId, Thread thread) {
            this.aggregateId = aggregateId;
            this.thread = thread;
        }

        /** Whether a processor of this node dead-lettered an event of the aggregate since the wait began. */
        boolean deadLettered() {
            return deadLettered;
        }

        @Override
        public void close() {
            waiting.computeIfPresent(aggregateId, (id, registrations) -> {
                registrations.remove(this);
                return registrations.isEmpty() ? null : registrations;
            });
        }
    }
}
