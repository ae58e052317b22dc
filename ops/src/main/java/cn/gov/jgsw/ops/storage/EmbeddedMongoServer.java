package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: a MongoDB-wire server in this process, storing into one H2 file in the data directory and
 * reached only through a Unix domain socket in that owner-only directory ({@link StoreSocket}). The platform talks to it
 * with the real MongoDB driver, exactly as to a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    public static final String STORE_FILE_NAME = "platform.mv";

    private final H2Backend h2;
    private final StoreSocket socket;
    private final Path storeFile;
    private final StoreFileUpkeep storeFileUpkeep;

    private EmbeddedMongoServer(H2Backend h2, StoreSocket socket, Path storeFile, StoreFileUpkeep storeFileUpkeep) {
        this.h2 = h2;
        this.socket = socket;
        this.storeFile = storeFile;
        this.storeFileUpkeep = storeFileUpkeep;
    }

    /**
     * Starts the server.
     *
     * @param dataDirectory      where the store file lives; created if missing, and left open to its owner only
     * @param commitEveryRequest true to answer only after the write is in the file (the platform's setting);
     *                           false only to show what is lost without it
     */
    public static EmbeddedMongoServer start(Path dataDirectory, boolean commitEveryRequest) {
        return start(dataDirectory, commitEveryRequest, SlowCommandLog.DEFAULT_THRESHOLD, StoreLists.none());
    }

    /**
     * Starts the server as {@link #start(Path, boolean)} does, logging the commands that take at least the threshold
     * from their arrival to their commit ({@link SlowCommandLog}), and keeping the lists the application declares.
     */
    public static EmbeddedMongoServer start(Path dataDirectory, boolean commitEveryRequest,
                                            Duration slowCommandThreshold, StoreLists lists) {
        OwnerOnlyFiles.directory(dataDirectory);
        Path storeFile = dataDirectory.resolve(STORE_FILE_NAME);
        H2Backend h2 = new EmbeddedH2Backend(storeFile.toString(), lists);
        try {
            OwnerOnlyFiles.restrict(storeFile);
            StoreSocket socket = StoreSocket.open(dataDirectory,
                    new DurableBackend(h2, commitEveryRequest, new SlowCommandLog(slowCommandThreshold), lists));
            log.info("Embedded MongoDB-wire server on the Unix socket {} (its owner only) storing into {} "
                    + "(commit every request: {})", socket.path(), storeFile.toAbsolutePath(), commitEveryRequest);
            return new EmbeddedMongoServer(h2, socket, storeFile, new StoreFileUpkeep(h2.getMvStore()));
        } catch (RuntimeException e) {
            h2.close();
            throw e;
        }
    }

    /** The URI the MongoDB driver connects with. */
    public String connectionString() {
        return socket.connectionString();
    }

    /** The path of the store's socket. */
    public Path socketPath() {
        return socket.path();
    }

    public Path storeFile() {
        return storeFile;
    }

    /**
     * Copies the store, as it stands, into a new owner-only file while requests go on ({@link StoreCopy}).
     *
     * @return the store's version the copy holds
     */
    public long copyStoreTo(Path target) {
        return StoreCopy.copy(h2.getMvStore(), target);
    }

    /** Opens a store file read-only, as a restore checks it, and answers its version. */
    public static long versionOfStoreFile(Path storeFile) {
        return StoreCopy.versionOf(storeFile);
    }

    @Override
    public void close() {
        socket.close();
        storeFileUpkeep.close();
        h2.close();
    }
}
