package cn.gov.jgsw.ops.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files that only the platform's operating-system user may open: the data directory, the store's
 * socket, the key-encryption key and backups. Other users of the machine are outside the platform's trust (ADR 0024).
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the directory (and its parents) if missing, and leaves it open to its owner only, whatever it was before:
     * a data directory written by an earlier version was readable by everybody.
     */
    public static Path directory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            }
            Files.setPosixFilePermissions(directory, DIRECTORY);
            return directory;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot make " + directory.toAbsolutePath() + " a directory only the "
                    + "platform's user may open (" + e.getMessage() + ")", e);
        }
    }

    /** Leaves an existing file open to its owner only. */
    public static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + file.toAbsolutePath() + " to its owner", e);
        }
    }

    /** Creates a new file, open to its owner only from its first byte; refuses to replace one. */
    public static Path newFile(Path file) {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.toAbsolutePath(), e);
        }
    }

    /** True if users other than the owner, and other than the owner's group, may read or write the file. */
    public static boolean openToOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
