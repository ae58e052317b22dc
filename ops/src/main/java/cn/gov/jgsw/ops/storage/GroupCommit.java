package cn.gov.jgsw.ops.storage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Commits to the store file shared by the requests waiting for them (group commit, 组提交), and never of half a
 * request.
 * <p>
 * A commit writes every change applied to the store before it began, so requests that finish while a commit is
 * being written need not each write one of their own: the first of them to find no commit running writes one for
 * all of them, and the others wait for it. Each request still gets its answer only after its change is in the file;
 * the file is written once per group instead of once per request. Groups form because about fifteen event
 * processors write their tokens at the same moment after every event.
 * <p>
 * Requests change the store many at a time, and a commit waits until none is half done. The store's commit takes
 * whatever each of its maps holds at that moment. Found by the fault drill: a commit in the middle of an insert kept
 * the document without its unique-index entry, so that after a hard kill the same event was appended twice. The other
 * way round (the entry without the document) would explain an idempotency key the drill found "taken" for good by a
 * record nobody could read (ADR 0014).
 */
final class GroupCommit {

    private final Runnable commit;
    /** Held shared while a request changes the store, exclusively while a commit writes. */
    private final ReentrantReadWriteLock changing = new ReentrantReadWriteLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /**
     * Requests counted once their change was applied in memory, before they let a commit start: a request that a
     * commit waited for is answered by that commit instead of writing one of its own after it.
     */
    private final AtomicLong applied = new AtomicLong();
    /** Every request counted up to here has its change in the file. */
    private long committed;
    private boolean committing;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /**
     * Runs a request against the store and returns its answer once a commit has written its change; a failed request
     * is committed too, since it may have applied part of a multi-document write.
     */
    <T> T run(Supplier<T> request) {
        long mine;
        changing.readLock().lock();
        try {
            return request.get();
        } finally {
            mine = applied.incrementAndGet();
            changing.readLock().unlock();
            awaitCommitted(mine);
        }
    }

    /** Called after a request's change was applied and counted: returns once a commit has written it. */
    private void awaitCommitted(long mine) {
        lock.lock();
        try {
            while (committed < mine) {
                if (committing) {
                    written.awaitUninterruptibly();
                } else {
                    writeForEveryoneSoFar();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock on entry and exit; writes without it, so that others can join the next group. */
    private void writeForEveryoneSoFar() {
        committing = true;
        long upTo = 0;
        boolean done = false;
        lock.unlock();
        changing.writeLock().lock();
        try {
            // No request is half done now, and every one that finished is counted.
            upTo = applied.get();
            commit.run();
            done = true;
        } finally {
            changing.writeLock().unlock();
            lock.lock();
            committing = false;
            if (done) {
                committed = Math.max(committed, upTo);
            }
            // On failure the waiters wake too: one of them tries the next commit, and this request fails.
            written.signalAll();
        }
    }
}
