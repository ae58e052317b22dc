package cn.gov.jgsw.ops.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's file is one process's alone. The platform relies on it: after a restart it takes the tracking
 * tokens' claims under the same name and seals positions its earlier run left open (AxonStorageConfiguration).
 */
class EmbeddedStoreLockTest {

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused(@TempDir Path data) {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(data, true)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(data, true).close())
                    .hasMessageContaining("locked");
        }
    }
}
