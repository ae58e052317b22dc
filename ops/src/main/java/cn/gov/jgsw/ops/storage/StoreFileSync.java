package cn.gov.jgsw.ops.storage;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forces the embedded store's file to disk every second (落盘). A commit hands its bytes to the operating system,
 * which survives a killed process but not a power cut; this bounds what a power cut can take to about the last
 * second, and it is what makes reusing the file's dead space after {@link EmbeddedH2Backend#RETENTION_MILLIS} safe:
 * the data that replaced a chunk is on the disk long before the chunk's space is written again.
 */
final class StoreFileSync implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(StoreFileSync.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "store-file-sync");
        thread.setDaemon(true);
        return thread;
    });

    StoreFileSync(MVStore store) {
        timer.scheduleWithFixedDelay(() -> sync(store), INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void sync(MVStore store) {
        try {
            store.sync();
        } catch (MVStoreException e) {
            // A store that is closing has nothing more to force; any other failure the operator must see.
            if (!store.isClosed()) {
                log.error("Could not force the store file to disk", e);
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
