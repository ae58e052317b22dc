package cn.gov.jgsw.ops.storage;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded store's file: forces it to disk every second (落盘), and three times a second runs H2's own
 * housekeeping, which rewrites the live pages of the sparsest chunks into the next commit so that their space can be
 * reused ({@link H2Housekeeping}).
 * <p>
 * Forcing: a commit hands its bytes to the operating system, which survives a killed process but not a power cut;
 * this bounds what a power cut can take to about the last second, and it is what makes reusing the file's dead space
 * after {@link EmbeddedH2Backend#RETENTION_MILLIS} safe: the data that replaced a chunk is on the disk long before the
 * chunk's space is written again.
 * <p>
 * Housekeeping: H2's own background writer did it, and also committed whenever a second had passed without a commit,
 * in the middle of a request if one was running: half a request in the file (ADR 0020). The store is opened without
 * that writer ({@link EmbeddedH2Backend}), so the only commits are the platform's, of whole requests
 * ({@link GroupCommit}). Housekeeping commits nothing: it moves pages in memory, as they are, and the next commit
 * writes them with everything else.
 */
final class StoreFileUpkeep implements AutoCloseable {

    private static final long SYNC_INTERVAL_MILLIS = 1_000;
    /** H2's background writer's pace. */
    private static final long HOUSEKEEPING_INTERVAL_MILLIS = 333;

    private static final Logger log = LoggerFactory.getLogger(StoreFileUpkeep.class);

    private final MVStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "store-file-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    StoreFileUpkeep(MVStore store) {
        this.store = store;
        timer.scheduleWithFixedDelay(() -> keep("force the store file to disk", store::sync),
                SYNC_INTERVAL_MILLIS, SYNC_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> keep("rewrite the store file's sparse chunks",
                        () -> H2Housekeeping.run(store)),
                HOUSEKEEPING_INTERVAL_MILLIS, HOUSEKEEPING_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void keep(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A store that is closing has nothing more to keep; any other failure the operator must see. Caught
            // whatever it is: a task that throws is never run again by its timer.
            if (!store.isClosed()) {
                log.error("Could not {}", what, e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
