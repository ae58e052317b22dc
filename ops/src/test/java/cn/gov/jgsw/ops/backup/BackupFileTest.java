package cn.gov.jgsw.ops.backup;

import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupFileTest {

    private static final KeyEncryptionKey KEY = KeyEncryptionKey.generate(new SecureRandom());
    private static final Instant TAKEN_AT = Instant.parse("2026-12-08T02:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aBackupRestoresToTheSameBytesWithItsKey() throws Exception {
        for (int size : new int[]{0, 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345}) {
            Path store = storeOf(size);
            Path backup = directory.resolve("backup-" + size);

            BackupFile.Header written = BackupFile.write(store, 42, TAKEN_AT, KEY, backup);
            Path restored = directory.resolve("restored-" + size);
            BackupFile.Header read = BackupFile.restore(backup, KEY, restored);

            assertThat(Files.readAllBytes(restored)).as("%d bytes", size).isEqualTo(Files.readAllBytes(store));
            assertThat(read).isEqualTo(written);
            assertThat(read.storeVersion()).isEqualTo(42);
            assertThat(read.keyEncryptionKey()).isEqualTo(KEY.id());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        }
    }

    @Test
    void nothingOfTheStoreCanBeReadInTheBackup() throws Exception {
        Path store = directory.resolve("store");
        byte[] text = "bureau-nanming 南明区 user-nanming-civil-servant ".repeat(5000)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(store, text);
        Path backup = directory.resolve("backup");

        BackupFile.write(store, 1, TAKEN_AT, KEY, backup);

        String asText = new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("bureau-nanming", "user-nanming");
        assertThat(Files.size(backup)).isGreaterThanOrEqualTo(text.length);
    }

    @Test
    void anotherKeyRestoresNothingAndSaysWhichKeyWould() throws Exception {
        Path backup = directory.resolve("backup");
        BackupFile.write(storeOf(5000), 1, TAKEN_AT, KEY, backup);
        KeyEncryptionKey other = KeyEncryptionKey.generate(new SecureRandom());

        assertThatThrownBy(() -> BackupFile.restore(backup, other, directory.resolve("restored")))
                .hasMessageContaining("was taken under the key-encryption key " + KEY.id())
                .hasMessageContaining("the key given is " + other.id());
        assertThat(directory.resolve("restored")).doesNotExist();
    }

    @Test
    void anAlteredByteAnywhereIsFound() throws Exception {
        Path store = storeOf(2 * (1 << 20) + 100);
        Path backup = directory.resolve("backup");
        BackupFile.write(store, 1, TAKEN_AT, KEY, backup);
        long length = Files.size(backup);
        long headerEnd = new String(Files.readAllBytes(backup), 0, 600, StandardCharsets.ISO_8859_1)
                .indexOf('\n', BackupFile.MAGIC.length() + 1) + 1;

        for (long position : new long[]{headerEnd - 10, headerEnd + 2, headerEnd + 100, length / 2, length - 1}) {
            Path altered = directory.resolve("altered-" + position);
            Files.copy(backup, altered);
            flip(altered, position);

            assertThatThrownBy(() -> BackupFile.restore(altered, KEY, directory.resolve("out-" + position)))
                    .as("byte %d", position).hasMessageContaining("damaged or altered");
        }
    }

    @Test
    void aBackupCutOffAtAFrameOrInsideOneIsFound() throws Exception {
        Path store = storeOf(3 * (1 << 20));
        Path backup = directory.resolve("backup");
        BackupFile.write(store, 1, TAKEN_AT, KEY, backup);
        byte[] whole = Files.readAllBytes(backup);
        int oneFrame = (1 << 20) + 16 + 4;

        for (int cut : new int[]{oneFrame, 1000, 7}) {
            Path cutOff = directory.resolve("cut-" + cut);
            Files.write(cutOff, Arrays.copyOf(whole, whole.length - cut));

            assertThatThrownBy(() -> BackupFile.restore(cutOff, KEY, directory.resolve("out-" + cut)))
                    .as("%d bytes cut off", cut).hasMessageContaining("damaged or altered");
        }
    }

    @Test
    void framesSwappedOrOneDroppedAreFound() throws Exception {
        Path backup = directory.resolve("backup");
        BackupFile.write(storeOf(3 * (1 << 20) + 7), 1, TAKEN_AT, KEY, backup);
        byte[] whole = Files.readAllBytes(backup);
        int headerEnd = new String(whole, 0, 600, StandardCharsets.ISO_8859_1)
                .indexOf('\n', BackupFile.MAGIC.length() + 1) + 1;
        int frame = 4 + (1 << 20) + 16;
        byte[] swapped = whole.clone();
        System.arraycopy(whole, headerEnd, swapped, headerEnd + frame, frame);
        System.arraycopy(whole, headerEnd + frame, swapped, headerEnd, frame);
        byte[] dropped = new byte[whole.length - frame];
        System.arraycopy(whole, 0, dropped, 0, headerEnd + frame);
        System.arraycopy(whole, headerEnd + 2 * frame, dropped, headerEnd + frame,
                whole.length - headerEnd - 2 * frame);
        Files.write(directory.resolve("swapped"), swapped);
        Files.write(directory.resolve("dropped"), dropped);

        assertThatThrownBy(() -> BackupFile.restore(directory.resolve("swapped"), KEY, directory.resolve("out-1")))
                .hasMessageContaining("damaged or altered (frame 0)");
        assertThatThrownBy(() -> BackupFile.restore(directory.resolve("dropped"), KEY, directory.resolve("out-2")))
                .hasMessageContaining("damaged or altered (frame 1)");
    }

    @Test
    void aFileThatIsNoBackupIsNamedSo() throws Exception {
        Path notABackup = directory.resolve("photo.jpg");
        Files.write(notABackup, new byte[]{(byte) 0xFF, (byte) 0xD8, '\n'});

        assertThatThrownBy(() -> BackupFile.restore(notABackup, KEY, directory.resolve("out")))
                .hasMessageContaining("is not a backup of the platform's store");
    }

    private Path storeOf(int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path store = directory.resolve("store-" + size);
        Files.write(store, bytes);
        return store;
    }

    private static void flip(Path file, long position) throws Exception {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(position);
            int b = raw.read();
            raw.seek(position);
            raw.write(b ^ 0x01);
        }
    }
}
