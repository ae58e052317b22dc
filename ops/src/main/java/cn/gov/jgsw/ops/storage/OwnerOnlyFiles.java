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
     * a data directory written by an earlier version was readable by everybody. A directory every user may write in
     * (such as {@code /tmp}) is shared by nature and is refused rather than closed to everybody else.
     */
    public static Path directory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            } else if (sharedByEverybody(directory)) {
                throw new IllegalStateException(directory.toAbsolutePath() + " is a directory every user may write "
                        + "in: give the platform a directory of its own");
            }
            Files.setPosixFilePermissions(directory, DIRECTORY);
            return directory;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot make " + directory.toAbsolutePath() + " a directory only the "
                    + "platform's user may open (" + e.getMessage() + ")", e);
        }
    }

    /** Creates the directory, owner-only, if it is missing; an existing one is left as it is. */
    public static Path directoryIfMissing(Path directory) {
        return Files.isDirectory(directory) ? directory : directory(directory);
    }

    private static boolean sharedByEverybody(Path directory) throws IOException {
        int mode = (Integer) Files.getAttribute(directory, "unix:mode");
        boolean sticky = (mode & 01000) != 0;
        boolean everybodyWrites = (mode & 0002) != 0;
        return sticky || everybodyWrites;
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

    /**
     * True if anybody but the owner may read or write the file: its group or everybody. (An access-control list that
     * grants another user shows in the group bits, as its mask.)
     */
    public static boolean openToAnyoneButItsOwner(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
