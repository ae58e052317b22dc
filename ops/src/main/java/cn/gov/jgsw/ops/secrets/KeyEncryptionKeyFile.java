package cn.gov.jgsw.ops.secrets;

import cn.gov.jgsw.ops.storage.OwnerOnlyFiles;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The file that holds the key-encryption key: one line, its 32 bytes in base64. Only the platform's user may read it;
 * it lies outside the data directory and is never in the database, so that a copy of the data, a backup or a dump does
 * not carry it (ADR 0024).
 */
public final class KeyEncryptionKeyFile {

    /** The name of the demo's key file, in a directory of its own beside the data directory. */
    static final String DEMO_FILE_NAME = "key-encryption-key";
    private static final int LONGEST_FILE_BYTES = 1024;

    private KeyEncryptionKeyFile() {
    }

    /** Where the demo profile keeps its key: {@code <data directory>-keys/key-encryption-key}, beside the data. */
    public static Path besideDataDirectory(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + "-keys").resolve(DEMO_FILE_NAME);
    }

    /**
     * Reads the key, refusing a file that other users of the machine may read or write, or that holds no key.
     *
     * @throws IllegalStateException with what is wrong and what to do
     */
    public static KeyEncryptionKey read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No key-encryption key file at " + file.toAbsolutePath());
        }
        if (OwnerOnlyFiles.openToAnyoneButItsOwner(file)) {
            throw new IllegalStateException("The key-encryption key file " + file.toAbsolutePath() + " may be read or "
                    + "written by other users of this machine (its group or everybody): chmod 600 it (ADR 0024)");
        }
        byte[] text;
        try (InputStream in = Files.newInputStream(file)) {
            text = in.readNBytes(LONGEST_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key-encryption key file " + file.toAbsolutePath(), e);
        }
        try {
            byte[] key = Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
            if (text.length <= LONGEST_FILE_BYTES && key.length == KeyEncryptionKey.BYTES) {
                return KeyEncryptionKey.of(key);
            }
        } catch (IllegalArgumentException notBase64) {
            // Answered below with what the file should hold.
        }
        throw new IllegalStateException("The file " + file.toAbsolutePath() + " does not hold a key-encryption key: "
                + "it must hold 32 random bytes in base64, e.g. made by `head -c 32 /dev/urandom | base64 > FILE`");
    }

    /**
     * Refuses a key file inside the embedded store's data directory: a copy of the data would carry the key that opens
     * it. Links are followed where the paths exist.
     */
    public static void refuseInside(Path file, Path dataDirectory) {
        Path data = real(dataDirectory);
        if (real(file).startsWith(data)) {
            throw new IllegalStateException("The key-encryption key file " + file.toAbsolutePath() + " lies inside "
                    + "the data directory " + data + ": a copy of the data would carry the key that opens it. "
                    + "Keep it elsewhere (ADR 0024)");
        }
    }

    /** The path with the links of its longest existing part followed. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Makes a new random key in a new owner-only file (and an owner-only directory for it, if missing). */
    public static KeyEncryptionKey create(Path file) {
        KeyEncryptionKey key = KeyEncryptionKey.generate(new SecureRandom());
        OwnerOnlyFiles.directoryIfMissing(file.toAbsolutePath().getParent());
        OwnerOnlyFiles.newFile(file);
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key.bytes()) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key-encryption key file " + file.toAbsolutePath(), e);
        }
        return key;
    }
}
