package cn.gov.jgsw.ops.backup;

import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.ops.storage.OwnerOnlyFiles;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Backups of the embedded store while the platform runs, and their restore into a fresh data directory (ADR 0024).
 * A backup is a consistent copy of the store file ({@link EmbeddedMongoServer#copyStoreTo}), checked to open, then
 * encrypted whole under the key-encryption key in use ({@link BackupFile}); the plain copy lives only in the owner-only
 * data directory, and only while it is encrypted.
 */
public final class StoreBackups {

    private static final Logger log = LoggerFactory.getLogger(StoreBackups.class);
    private static final String COPY_PREFIX = "backup-";
    private static final String COPY_SUFFIX = ".mv.tmp";

    private final EmbeddedMongoServer store;
    private final DataKeyring keyring;
    private final Clock clock;

    public StoreBackups(EmbeddedMongoServer store, DataKeyring keyring, Clock clock) {
        this.store = store;
        this.keyring = keyring;
        this.clock = clock;
        deleteCopiesLeftByAKilledBackup();
    }

    /** What a backup taken holds. */
    public record Taken(Path file, long bytes, long storeVersion, String keyEncryptionKey, Duration took) {
    }

    /**
     * Takes a backup into a new file, which appears under its name only once whole. One at a time: H2 turns the reuse
     * of the file's space off for a copy and back on after it, which two copies at once would undo for each other.
     *
     * @throws IllegalArgumentException if the target is not a new file in an existing directory
     */
    public Taken take(Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file) || !Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException("A backup goes into a new file in an existing directory: " + file);
        }
        // The key-encryption key must not change between the copy and its encryption, or the backup would name one
        // key while the data key inside it is wrapped under the other: the keyring's replacement waits.
        synchronized (keyring) {
            long start = System.nanoTime();
            Path copy = store.storeFile().resolveSibling(COPY_PREFIX + UUID.randomUUID() + COPY_SUFFIX);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try {
                long version = store.copyStoreTo(copy);
                BackupFile.Header header = BackupFile.write(copy, version, clock.instant(),
                        keyring.keyEncryptionKey(), partial);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                Taken taken = new Taken(file, Files.size(file), version, header.keyEncryptionKey(),
                        Duration.ofNanos(System.nanoTime() - start));
                log.info("Backup of the store (version {}) taken into {}: {} bytes under the key-encryption key {} "
                        + "in {} ms", version, file, taken.bytes(), taken.keyEncryptionKey(), taken.took().toMillis());
                return taken;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(copy);
                deleteQuietly(partial);
            }
        }
    }

    /**
     * Restores a backup into a data directory that is missing or empty, with the key it was taken under; the store is
     * checked to open at the version the backup names before it takes the store file's name.
     *
     * @return the backup's header
     */
    public static BackupFile.Header restore(Path backup, KeyEncryptionKey keyEncryptionKey, Path dataDirectory) {
        if (!isMissingOrEmpty(dataDirectory)) {
            throw new IllegalArgumentException(dataDirectory.toAbsolutePath() + " is not empty; restore into a fresh "
                    + "directory");
        }
        Path directory = OwnerOnlyFiles.directory(dataDirectory);
        Path storeFile = directory.resolve(EmbeddedMongoServer.STORE_FILE_NAME);
        Path restoring = directory.resolve(EmbeddedMongoServer.STORE_FILE_NAME + ".restoring");
        deleteQuietly(restoring);
        try {
            BackupFile.Header header = BackupFile.restore(backup, keyEncryptionKey, restoring);
            long version = EmbeddedMongoServer.versionOfStoreFile(restoring);
            if (version != header.storeVersion()) {
                throw new IllegalStateException("The restored store opens at version " + version + ", not the "
                        + header.storeVersion() + " the backup names");
            }
            Files.move(restoring, storeFile, StandardCopyOption.ATOMIC_MOVE);
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(restoring);
        }
    }

    /** A plain copy is deleted once encrypted; one left behind is a backup the process did not live to finish. */
    private void deleteCopiesLeftByAKilledBackup() {
        try (Stream<Path> files = Files.list(store.storeFile().getParent())) {
            files.filter(file -> file.getFileName().toString().startsWith(COPY_PREFIX)
                    && file.getFileName().toString().endsWith(COPY_SUFFIX)).forEach(left -> {
                        log.info("Deleting {}, the copy of a backup that was cut off", left);
                        deleteQuietly(left);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMissingOrEmpty(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: delete it by hand", file, e);
        }
    }
}
