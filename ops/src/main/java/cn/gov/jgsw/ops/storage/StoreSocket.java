package cn.gov.jgsw.ops.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's only door: a Unix domain socket in a directory that only the platform's operating-system user
 * may open, served by mongo-java-server's own wire handlers (ADR 0024). The store has no authentication, so it must
 * not be reachable by anything but the platform: there is no TCP port, and another user of the machine is refused by
 * the kernel before a byte is read.
 */
final class StoreSocket implements AutoCloseable {

    static final String FILE_NAME = "store.sock";
    /** {@code sun_path} holds 108 bytes with its terminating zero; a little is kept in hand. */
    private static final int LONGEST_PATH_BYTES = 100;
    /** Netty's default is two threads a core. A request waits on its thread for the commit that writes it, so more
     * threads let more requests finish in time to share a commit. */
    private static final int REQUEST_THREADS = 16;

    private final Path socket;
    private final Path ownDirectory;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;

    private StoreSocket(Path socket, Path ownDirectory, EventLoopGroup acceptor, EventLoopGroup workers,
                        Channel listener) {
        this.socket = socket;
        this.ownDirectory = ownDirectory;
        this.acceptor = acceptor;
        this.workers = workers;
        this.listener = listener;
    }

    /**
     * Serves the backend on {@code store.sock} in the owner-only data directory, or, where that path is too long for a
     * socket, in an owner-only directory of its own under the system's temporary directory.
     */
    static StoreSocket open(Path ownerOnlyDataDirectory, MongoBackend backend) {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("The embedded store listens on a Unix domain socket through Netty's epoll "
                    + "transport, which is not available here (it needs Linux on x86-64): "
                    + Epoll.unavailabilityCause().getMessage() + ". Set MONGODB_URI to use a MongoDB instead.");
        }
        Path socket = ownerOnlyDataDirectory.toAbsolutePath().resolve(FILE_NAME);
        Path ownDirectory = null;
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > LONGEST_PATH_BYTES) {
            ownDirectory = temporaryOwnerOnlyDirectory();
            socket = ownDirectory.resolve(FILE_NAME);
        }
        deleteLeftOver(socket);
        EventLoopGroup acceptor = new EpollEventLoopGroup(1, new DefaultThreadFactory("store-socket-accept", true));
        EventLoopGroup workers = new EpollEventLoopGroup(REQUEST_THREADS,
                new DefaultThreadFactory("store-socket-worker", true));
        ChannelGroup clients = new DefaultChannelGroup("store-clients", workers.next());
        try {
            Channel listener = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(EpollServerDomainSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                    new MongoWireProtocolHandler(), new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    })
                    .bind(new DomainSocketAddress(socket.toFile())).syncUninterruptibly().channel();
            OwnerOnlyFiles.restrict(socket);
            return new StoreSocket(socket, ownDirectory, acceptor, workers, listener);
        } catch (RuntimeException e) {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The path of the socket. */
    Path path() {
        return socket;
    }

    /** The URI the MongoDB driver connects with: the socket's path, percent-encoded, as the host. */
    String connectionString() {
        return "mongodb://" + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8);
    }

    /** Stops listening and ends every connection; the backend is the caller's to close. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        deleteLeftOver(socket);
        if (ownDirectory != null) {
            deleteLeftOver(ownDirectory);
        }
    }

    private static Path temporaryOwnerOnlyDirectory() {
        try {
            return Files.createTempDirectory("jgsw-store-",
                    PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the store's socket", e);
        }
    }

    /** A socket file outlives a killed process; the store file's lock, taken first, says nobody serves it now. */
    private static void deleteLeftOver(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + path, e);
        }
    }
}
