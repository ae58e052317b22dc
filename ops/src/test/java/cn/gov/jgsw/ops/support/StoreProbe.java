package cn.gov.jgsw.ops.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What another user of the machine tries against the embedded store, run by {@code LocalAttackerIT} as that user with
 * Java's source launcher (this file alone, the JDK and nothing else): connect to the store's socket and say MongoDB's
 * hello, list the data directory, read the store file. Prints one line per attempt: the attempt, then ANSWERED,
 * LISTED, READ or REFUSED with the reason.
 * Usage: {@code java StoreProbe.java SOCKET [DATA_DIRECTORY STORE_FILE]}
 */
public class StoreProbe {

    public static void main(String[] args) {
        System.out.println("socket " + socket(Path.of(args[0])));
        if (args.length == 3) {
            System.out.println("directory " + attempt(() -> "LISTED " + Files.list(Path.of(args[1])).count()));
            System.out.println("file " + attempt(() -> "READ " + Files.readAllBytes(Path.of(args[2])).length));
        }
    }

    private static String socket(Path path) {
        return attempt(() -> {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(path));
                channel.write(ByteBuffer.wrap(hello(1)));
                ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                while (header.hasRemaining() && channel.read(header) >= 0) {
                    // Reads the reply's header.
                }
                return "ANSWERED opCode " + header.getInt(12);
            }
        });
    }

    /** OP_MSG {hello: 1, $db: "admin"} with the request id. */
    public static byte[] hello(int requestId) {
        ByteBuffer document = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        document.putInt(0).put((byte) 0x10).put("hello\0".getBytes(StandardCharsets.US_ASCII)).putInt(1)
                .put((byte) 0x02).put("$db\0".getBytes(StandardCharsets.US_ASCII)).putInt(6)
                .put("admin\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        int documentLength = document.position();
        document.putInt(0, documentLength);
        ByteBuffer message = ByteBuffer.allocate(16 + 4 + 1 + documentLength).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(message.capacity()).putInt(requestId).putInt(0).putInt(2013).putInt(0).put((byte) 0)
                .put(document.array(), 0, documentLength);
        return message.array();
    }

    private interface Attempt {
        String run() throws IOException;
    }

    private static String attempt(Attempt attempt) {
        try {
            return attempt.run();
        } catch (IOException | RuntimeException e) {
            return "REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
