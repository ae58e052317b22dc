package cn.gov.jgsw.ops.secrets;

import cn.gov.jgsw.ops.storage.StorageProperties;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the store's data keyring with the key-encryption key (ADR 0024). Outside the demo profile the key's file must
 * be given; the demo makes one on the first start of an empty store, beside the data directory, and says where.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    DataKeyring dataKeyring(MongoDatabase platformDatabase, SecretsProperties secrets, StorageProperties storage,
                            Environment environment, Clock clock) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        Path file = secrets.keyEncryptionKeyFile();
        if (file == null || file.toString().isBlank()) {
            if (!demo) {
                throw new IllegalStateException("No key-encryption key: set JGSW_KEY_ENCRYPTION_KEY_FILE to a file "
                        + "that only the platform's user may read, outside the data directory, holding 32 random bytes "
                        + "in base64 (`head -c 32 /dev/urandom | base64`); ADR 0024");
            }
            file = KeyEncryptionKeyFile.besideDataDirectory(storage.dataDirectory());
        }
        if (storage.embedded()) {
            KeyEncryptionKeyFile.refuseInside(file, storage.dataDirectory());
        }
        KeyEncryptionKey key;
        if (Files.exists(file)) {
            key = KeyEncryptionKeyFile.read(file);
            log.info("Key-encryption key {} read from {}", key.id(), file.toAbsolutePath());
        } else if (demo && !DataKeyring.existsIn(platformDatabase)) {
            key = KeyEncryptionKeyFile.create(file);
            log.warn("Made the demo's key-encryption key {} in {}: it opens this store's keys and its backups, keep it "
                    + "apart from them; without it they are worth nothing", key.id(), file.toAbsolutePath());
        } else {
            throw new IllegalStateException("No key-encryption key file at " + file.toAbsolutePath() + ", and this "
                    + "store's keys are wrapped under " + DataKeyring.keyEncryptionKeyIdOf(platformDatabase)
                    + ": give that key's file with JGSW_KEY_ENCRYPTION_KEY_FILE");
        }
        return DataKeyring.open(platformDatabase, key, clock);
    }
}
