package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: a MongoDB-wire server on loopback, in this process, storing into one H2 file in the data
 * directory. The platform talks to it with the real MongoDB driver over TCP, exactly as to a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private static final int REQUEST_THREADS = 16;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path storeFile;
    private final StoreFileUpkeep storeFileUpkeep;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, Path storeFile,
                                StoreFileUpkeep storeFileUpkeep) {
        this.server = server;
        this.address = address;
        this.storeFile = storeFile;
        this.storeFileUpkeep = storeFileUpkeep;
    }

    /**
     * Starts the server on the given loopback port (0 picks a free one).
     *
     * @param dataDirectory      where the store file lives; created if missing
     * @param port               the TCP port, or 0
     * @param commitEveryRequest true to answer only after the write is in the file (the platform's setting);
     *                           false only to show what is lost without it
     */
    public static EmbeddedMongoServer start(Path dataDirectory, int port, boolean commitEveryRequest) {
        return start(dataDirectory, port, commitEveryRequest, SlowCommandLog.DEFAULT_THRESHOLD);
    }

    /**
     * Starts the server as {@link #start(Path, int, boolean)} does, logging the commands that take at least the
     * threshold from their arrival to their commit ({@link SlowCommandLog}).
     */
    public static EmbeddedMongoServer start(Path dataDirectory, int port, boolean commitEveryRequest,
                                            Duration slowCommandThreshold) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        Path storeFile = dataDirectory.resolve("platform.mv");
        H2Backend h2 = new EmbeddedH2Backend(storeFile.toString());
        MongoServer server = new MongoServer(
                new DurableBackend(h2, commitEveryRequest, new SlowCommandLog(slowCommandThreshold)));
        // Netty's default is two threads a core. A request waits on its thread for the commit that writes it, so more
        // threads let more requests finish in time to share a commit.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, REQUEST_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server on {} storing into {} (commit every request: {})",
                address, storeFile.toAbsolutePath(), commitEveryRequest);
        return new EmbeddedMongoServer(server, address, storeFile, new StoreFileUpkeep(h2.getMvStore()));
    }

    /** The URI the MongoDB driver connects with. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path storeFile() {
        return storeFile;
    }

    @Override
    public void close() {
        storeFileUpkeep.close();
        server.shutdown();
    }
}
