package cn.gov.jgsw.ops.backup;

import cn.gov.jgsw.ops.storage.OwnerOnlyFiles;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * A backup of the store file, encrypted whole: nothing in it can be read, not even which bureaus it holds, without the
 * key-encryption key it was taken under (ADR 0024).
 * <p>
 * The file: a first line {@code JGSW-STORE-BACKUP 1}; a second line, the {@link Header} as JSON, which names the
 * key-encryption key and carries a random file key wrapped under it; then the store file in frames of up to 1 MiB, each
 * {@code length (4 bytes) ‖ AES-256-GCM(file key, frame)} with the frame's number and whether it is the last in the
 * nonce, and both header lines as associated data. A frame altered, moved, dropped or cut off, or a header changed,
 * fails the restore.
 */
final class BackupFile {

    static final String MAGIC = "JGSW-STORE-BACKUP 1";
    private static final int FRAME_BYTES = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final String FILE_KEY_CONTEXT = "jgsw store backup file key";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * What a backup says of itself in clear.
     *
     * @param takenAt          when the copy of the store was taken
     * @param storeVersion     the store's version it holds
     * @param storeBytes       the length of the store file
     * @param keyEncryptionKey the id of the key-encryption key that wraps its file key
     * @param wrappedFileKey   the file key, wrapped (base64)
     */
    record Header(Instant takenAt, long storeVersion, long storeBytes, String keyEncryptionKey,
                  String wrappedFileKey) {
    }

    private BackupFile() {
    }

    /** Encrypts a copy of the store file into a new owner-only backup file. */
    static Header write(Path storeCopy, long storeVersion, Instant takenAt, KeyEncryptionKey keyEncryptionKey,
                        Path target) {
        SecureRandom random = new SecureRandom();
        byte[] fileKey = new byte[32];
        random.nextBytes(fileKey);
        try {
            Header header = new Header(takenAt, storeVersion, Files.size(storeCopy), keyEncryptionKey.id(),
                    Base64.getEncoder().encodeToString(keyEncryptionKey.wrap(fileKey, FILE_KEY_CONTEXT, random)));
            byte[] headerLines = headerLines(header);
            OwnerOnlyFiles.newFile(target);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(storeCopy));
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
                out.write(headerLines);
                byte[] frame = new byte[FRAME_BYTES];
                long number = 0;
                int length = in.readNBytes(frame, 0, FRAME_BYTES);
                while (true) {
                    byte[] next = new byte[FRAME_BYTES];
                    int nextLength = length == FRAME_BYTES ? in.readNBytes(next, 0, FRAME_BYTES) : 0;
                    boolean last = nextLength == 0;
                    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, fileKey, number, last, headerLines)
                            .doFinal(frame, 0, length);
                    out.writeInt(sealed.length);
                    out.write(sealed);
                    if (last) {
                        break;
                    }
                    frame = next;
                    length = nextLength;
                    number++;
                }
            }
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + target, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Reads a backup's header, without the key. */
    static Header header(Path backup) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(backup))) {
            return readHeader(in, backup).header();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + backup, e);
        }
    }

    /**
     * Decrypts the backup into a new owner-only store file.
     *
     * @throws IllegalStateException if the key is not the one the backup was taken under, or the backup was altered or
     *                               cut off
     */
    static Header restore(Path backup, KeyEncryptionKey keyEncryptionKey, Path storeFile) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(backup)))) {
            ReadHeader read = readHeader(in, backup);
            Header header = read.header();
            if (!header.keyEncryptionKey().equals(keyEncryptionKey.id())) {
                throw new IllegalStateException("The backup " + backup + " was taken under the key-encryption key "
                        + header.keyEncryptionKey() + "; the key given is " + keyEncryptionKey.id()
                        + ". Without its own key a backup opens to nothing.");
            }
            byte[] fileKey;
            try {
                fileKey = keyEncryptionKey.unwrap(Base64.getDecoder().decode(header.wrappedFileKey()),
                        FILE_KEY_CONTEXT);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw damaged(backup, "its key");
            }
            OwnerOnlyFiles.newFile(storeFile);
            long written = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(storeFile))) {
                long number = 0;
                boolean last = false;
                while (!last) {
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException cutOff) {
                        throw damaged(backup, "its end (cut off after " + written + " bytes)");
                    }
                    if (length < TAG_BITS / 8 || length > FRAME_BYTES + TAG_BITS / 8) {
                        throw damaged(backup, "frame " + number);
                    }
                    byte[] sealed = new byte[length];
                    in.readFully(sealed);
                    byte[] plain = openFrame(fileKey, number, sealed, read.lines());
                    last = plain == null;
                    if (last) {
                        plain = openLastFrame(fileKey, number, sealed, read.lines(), backup);
                    }
                    out.write(plain);
                    written += plain.length;
                    number++;
                }
            }
            if (in.read() != -1 || written != header.storeBytes()) {
                throw damaged(backup, "its length");
            }
            return header;
        } catch (EOFException e) {
            throw damaged(backup, "its end (cut off)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore the backup " + backup, e);
        }
    }

    /** A frame that is not the last; null if it does not open as one (it may be the last). */
    private static byte[] openFrame(byte[] fileKey, long number, byte[] sealed, byte[] lines) {
        try {
            return cipher(Cipher.DECRYPT_MODE, fileKey, number, false, lines).doFinal(sealed);
        } catch (GeneralSecurityException notThisFrame) {
            return null;
        }
    }

    private static byte[] openLastFrame(byte[] fileKey, long number, byte[] sealed, byte[] lines, Path backup) {
        try {
            return cipher(Cipher.DECRYPT_MODE, fileKey, number, true, lines).doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw damaged(backup, "frame " + number);
        }
    }

    private static Cipher cipher(int mode, byte[] fileKey, long number, boolean last, byte[] headerLines)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).putLong(number).putInt(last ? 1 : 0).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(fileKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(headerLines);
        return cipher;
    }

    private static IllegalStateException damaged(Path backup, String where) {
        return new IllegalStateException("The backup " + backup + " is damaged or altered (" + where + "); "
                + "nothing of it was restored");
    }

    private record ReadHeader(Header header, byte[] lines) {
    }

    private static byte[] headerLines(Header header) throws JsonProcessingException {
        return (MAGIC + "\n" + JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ReadHeader readHeader(InputStream in, Path backup) throws IOException {
        String magic = line(in);
        if (!MAGIC.equals(magic)) {
            throw new IllegalStateException(backup + " is not a backup of the platform's store");
        }
        String json = line(in);
        Header header;
        try {
            header = JSON.readValue(json, Header.class);
        } catch (JsonProcessingException e) {
            throw damaged(backup, "its header");
        }
        return new ReadHeader(header, (magic + "\n" + json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() > 4096) {
                throw new EOFException();
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
