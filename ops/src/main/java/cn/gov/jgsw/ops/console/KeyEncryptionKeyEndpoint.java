package cn.gov.jgsw.ops.console;

import cn.gov.jgsw.ops.secrets.KeyEncryptionKeyFile;
import cn.gov.jgsw.ops.storage.StorageProperties;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /actuator/keyencryptionkey} (operator only): which key-encryption key wraps the store's data key, and
 * ({@code POST} with {@code {"newKeyFile": "/absolute/path"}}) its replacement by the key in a new file, read as the
 * platform reads its key at start, for {@code ops/bin/rotate-key-encryption-key.sh}. The data key itself stays, so
 * nothing else is encrypted anew; backups taken before keep needing the key they were taken under.
 */
@Component
@Endpoint(id = "keyencryptionkey")
public class KeyEncryptionKeyEndpoint {

    private final DataKeyring keyring;
    private final StorageProperties storage;
    private final Clock clock;

    public KeyEncryptionKeyEndpoint(DataKeyring keyring, StorageProperties storage, Clock clock) {
        this.keyring = keyring;
        this.storage = storage;
        this.clock = clock;
    }

    @ReadOperation
    public Map<String, String> inUse() {
        return Map.of("keyEncryptionKey", keyring.keyEncryptionKey().id(), "dataKey", keyring.dataKeyId());
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, String>> replace(String newKeyFile) {
        if (newKeyFile == null || !Path.of(newKeyFile).isAbsolute()) {
            return refused("Name the new key's file by its absolute path on the platform's machine");
        }
        try {
            if (storage.embedded()) {
                KeyEncryptionKeyFile.refuseInside(Path.of(newKeyFile), storage.dataDirectory());
            }
            KeyEncryptionKey next = KeyEncryptionKeyFile.read(Path.of(newKeyFile));
            String previous = keyring.rewrap(next, clock);
            return new WebEndpointResponse<>(Map.of("previousKeyEncryptionKey", previous,
                    "keyEncryptionKey", next.id()), WebEndpointResponse.STATUS_OK);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return refused(e.getMessage());
        }
    }

    private static WebEndpointResponse<Map<String, String>> refused(String why) {
        return new WebEndpointResponse<>(Map.of("error", why), WebEndpointResponse.STATUS_BAD_REQUEST);
    }
}
