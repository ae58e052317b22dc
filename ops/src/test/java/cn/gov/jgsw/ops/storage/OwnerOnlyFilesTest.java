package cn.gov.jgsw.ops.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerOnlyFilesTest {

    @TempDir
    Path directory;

    @Test
    void aDataDirectoryAnEarlierVersionLeftOpenIsClosedToOthers() throws Exception {
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnlyFiles.directory(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryEveryUserWritesInIsRefusedAndLeftAsItWas() throws Exception {
        Path shared = Files.createDirectories(directory.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path open = Files.createDirectories(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> OwnerOnlyFiles.directory(shared)).hasMessageContaining("every user may write in");
        assertThatThrownBy(() -> OwnerOnlyFiles.directory(open)).hasMessageContaining("every user may write in");
        assertThat((Integer) Files.getAttribute(shared, "unix:mode") & 07777).isEqualTo(01777);
    }
}
