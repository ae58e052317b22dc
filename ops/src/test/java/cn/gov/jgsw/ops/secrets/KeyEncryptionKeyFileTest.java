package cn.gov.jgsw.ops.secrets;

import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void theDemosKeyLiesBesideTheDataDirectoryNotInIt() {
        assertThat(KeyEncryptionKeyFile.besideDataDirectory(Path.of("/srv/jgsw/data")))
                .isEqualTo(Path.of("/srv/jgsw/data-keys/key-encryption-key"));
        assertThat(KeyEncryptionKeyFile.besideDataDirectory(Path.of("/srv/jgsw/data/")))
                .isEqualTo(Path.of("/srv/jgsw/data-keys/key-encryption-key"));
    }

    @Test
    void aMadeKeyIsReadBackAndOnlyItsOwnerMayOpenIt() throws Exception {
        Path file = directory.resolve("keys/key-encryption-key");

        KeyEncryptionKey made = KeyEncryptionKeyFile.create(file);

        assertThat(KeyEncryptionKeyFile.read(file).id()).isEqualTo(made.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file).strip()).hasSize(44);
    }

    @Test
    void aKeyFileOtherUsersMayReadIsRefused() throws Exception {
        Path file = directory.resolve("key-encryption-key");
        KeyEncryptionKeyFile.create(file);
        for (String open : new String[]{"rw-r--r--", "rw-r-----", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(open));

            assertThatThrownBy(() -> KeyEncryptionKeyFile.read(file)).as(open).hasMessageContaining(
                    "may be read or written by other users of this machine (its group or everybody): chmod 600");
        }
    }

    @Test
    void aKeyFileInsideTheDataDirectoryIsRefusedAlsoThroughALink() throws Exception {
        Path data = Files.createDirectories(directory.resolve("data"));
        Path link = Files.createSymbolicLink(directory.resolve("elsewhere"), data);

        assertThatThrownBy(() -> KeyEncryptionKeyFile.refuseInside(link.resolve("kek"), data))
                .hasMessageContaining("lies inside the data directory");
        KeyEncryptionKeyFile.refuseInside(directory.resolve("keys/kek"), data);
    }

    @Test
    void aKeyMadeInAnExistingDirectoryLeavesThatDirectoryAsItWas() throws Exception {
        Path shared = Files.createDirectories(directory.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        KeyEncryptionKeyFile.create(shared.resolve("kek"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("kek"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFileWithoutAKeyIsRefusedWithWhatItMustHold() throws Exception {
        Path file = directory.resolve("not-a-key");
        Files.writeString(file, "correct horse battery staple\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Path short16 = directory.resolve("short");
        Files.writeString(short16, "AAAAAAAAAAAAAAAAAAAAAA==\n");
        Files.setPosixFilePermissions(short16, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> KeyEncryptionKeyFile.read(file)).hasMessageContaining("32 random bytes in base64");
        assertThatThrownBy(() -> KeyEncryptionKeyFile.read(short16)).hasMessageContaining("32 random bytes in base64");
        assertThatThrownBy(() -> KeyEncryptionKeyFile.read(directory.resolve("missing")))
                .hasMessageContaining("No key-encryption key file at");
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        Path file = directory.resolve("key-encryption-key");
        KeyEncryptionKey first = KeyEncryptionKeyFile.create(file);

        assertThatThrownBy(() -> KeyEncryptionKeyFile.create(file)).isNotNull();
        assertThat(KeyEncryptionKeyFile.read(file).id()).isEqualTo(first.id());
    }
}
