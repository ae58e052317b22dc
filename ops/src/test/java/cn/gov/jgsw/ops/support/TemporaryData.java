package cn.gov.jgsw.ops.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data directories of the platforms the tests start, in the system's temporary directory. Each holds a store file of
 * tens of megabytes; left behind, every run of the suite added about 600 MB to {@code /tmp}.
 */
public final class TemporaryData {

    private TemporaryData() {
    }

    /** A new directory, deleted when this JVM exits: for a platform that runs until then. */
    public static Path directoryDeletedAtExit(String prefix) {
        Path directory = directory(prefix);
        // On exit the platform's own shutdown may still be writing: on Linux a deleted file stays writable until it is
        // closed, and nothing of it is needed afterwards.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
        return directory;
    }

    /** A new directory; whoever makes it deletes it. */
    public static Path directory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the directory and everything in it, as far as it can: a leftover file fails no test. A platform's data
     * directory has the demo's key-encryption key beside it ({@code <directory>-keys}), which goes with it.
     */
    public static void delete(Path directory) {
        Path keys = directory.toAbsolutePath().resolveSibling(directory.getFileName() + "-keys");
        if (Files.isDirectory(keys)) {
            deleteTree(keys);
        }
        deleteTree(directory);
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // As far as it can.
        }
    }
}
