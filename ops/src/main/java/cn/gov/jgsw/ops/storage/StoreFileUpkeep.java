package cn.gov.jgsw.ops.storage;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded store's file every second: forces it to disk (落盘), and rewrites the live pages of its
 * sparsest chunks into the next commit, so that their space can be reused.
 * <p>
 * Forcing: a commit hands its bytes to the operating system, which survives a killed process but not a power cut;
 * this bounds what a power cut can take to about the last second, and it is what makes reusing the file's dead space
 * after {@link EmbeddedH2Backend#RETENTION_MILLIS} safe: the data that replaced a chunk is on the disk long before the
 * chunk's space is written again.
 * <p>
 * Rewriting: H2's own background writer did this, and it also committed whenever a second had passed without a
 * commit, in the middle of a request if one was running: half a request in the file (ADR 0020). The store is opened
 * without that writer ({@link EmbeddedH2Backend}), so the only commits are the platform's, of whole requests
 * ({@link GroupCommit}). Rewriting here commits nothing: it moves pages in memory, as they are, and the next commit
 * writes them with everything else.
 */
final class StoreFileUpkeep implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 1_000;
    /** Below this share of live data in the file's chunks, the sparsest of them are rewritten. */
    static final int TARGET_FILL_PERCENT = 80;
    /**
     * At most this much live data is rewritten a second. The rewriting holds the store's own lock, which a commit
     * waits for, so a small amount each second keeps that pause short.
     */
    static final int REWRITE_BYTES_PER_SECOND = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(StoreFileUpkeep.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "store-file-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    StoreFileUpkeep(MVStore store) {
        timer.scheduleWithFixedDelay(() -> keep(store), INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void keep(MVStore store) {
        try {
            store.sync();
            store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES_PER_SECOND);
        } catch (MVStoreException e) {
            // A store that is closing has nothing more to keep; any other failure the operator must see.
            if (!store.isClosed()) {
                log.error("Could not keep the store file (force it to disk, rewrite its sparse chunks)", e);
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
