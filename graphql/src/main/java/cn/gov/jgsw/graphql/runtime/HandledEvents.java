package cn.gov.jgsw.graphql.runtime;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the mutations waiting for their views ({@link ReadYourWrites}) when an event processor of this node has
 * handled an event of the aggregate they changed, so that they read again at once instead of at their next poll.
 * <p>
 * A wake-up is a hint: the waiter reads its view again and goes on waiting if the view is still behind (another
 * processor handled the event first). Processors on another node wake nobody here; the waiter's polls find their
 * views as before.
 */
@Component
public class HandledEvents {

    /** The threads waiting, by the aggregate each waits for. */
    private final ConcurrentMap<String, Set<Thread>> waiting = new ConcurrentHashMap<>();

    /** Called by every event processor of this node after it handled an event of the aggregate. */
    public void handled(String aggregateId) {
        Set<Thread> threads = waiting.get(aggregateId);
        if (threads != null) {
            threads.forEach(LockSupport::unpark);
        }
    }

    /**
     * Makes the calling thread one that {@link #handled} wakes, until the returned registration is closed. A thread
     * woken while it is not parked finds its next park returning at once, so no wake-up between two reads is lost.
     */
    Registration waitFor(String aggregateId) {
        Thread thread = Thread.currentThread();
        waiting.computeIfAbsent(aggregateId, id -> ConcurrentHashMap.newKeySet()).add(thread);
        return () -> waiting.computeIfPresent(aggregateId, (id, threads) -> {
            threads.remove(thread);
            return threads.isEmpty() ? null : threads;
        });
    }

    /** Ends a thread's wait for an aggregate. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
