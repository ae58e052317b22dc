package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.ops.backup.StoreBackups;
import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /actuator/backup} with {@code {"file": "/absolute/path"}} (operator only): a consistent, encrypted backup
 * of the embedded store into a new file on the platform's machine, while the platform runs; for
 * {@code ops/bin/backup-store.sh}. A MongoDB given by {@code MONGODB_URI} is backed up with its own tools.
 */
@Component
@Endpoint(id = "backup")
public class StoreBackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(StoreBackupEndpoint.class);

    private final StoreBackups backups;

    public StoreBackupEndpoint(ObjectProvider<EmbeddedMongoServer> embedded, DataKeyring keyring, Clock clock) {
        EmbeddedMongoServer store = embedded.getIfAvailable();
        this.backups = store == null ? null : new StoreBackups(store, keyring, clock);
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> take(String file) {
        if (backups == null) {
            return refused("The store is a MongoDB given by MONGODB_URI: back it up with that database's own tools");
        }
        if (file == null || !Path.of(file).isAbsolute()) {
            return refused("Name the backup's file by its absolute path on the platform's machine");
        }
        try {
            StoreBackups.Taken taken = backups.take(Path.of(file));
            return new WebEndpointResponse<>(Map.of("file", taken.file().toString(), "bytes", taken.bytes(),
                    "storeVersion", taken.storeVersion(), "keyEncryptionKey", taken.keyEncryptionKey(),
                    "milliseconds", taken.took().toMillis()), WebEndpointResponse.STATUS_OK);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        } catch (RuntimeException e) {
            log.error("No backup taken into {}", file, e);
            return new WebEndpointResponse<>(Map.of("error", "No backup taken: " + e.getMessage()),
                    WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
        }
    }

    private static WebEndpointResponse<Map<String, Object>> refused(String why) {
        return new WebEndpointResponse<>(Map.of("error", why), WebEndpointResponse.STATUS_BAD_REQUEST);
    }
}
