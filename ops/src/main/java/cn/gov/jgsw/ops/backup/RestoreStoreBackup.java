package cn.gov.jgsw.ops.backup;

import cn.gov.jgsw.ops.secrets.KeyEncryptionKeyFile;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;

import java.nio.file.Path;

/**
 * The restore command ({@code ops/bin/restore-store.sh}): decrypts a backup into a fresh data directory with the
 * key-encryption key it was taken under. The platform is then started on that directory with the same key.
 * <p>
 * Usage: {@code RestoreStoreBackup BACKUP DATA_DIRECTORY KEY_ENCRYPTION_KEY_FILE}. Exits 0 once restored, 1 with the
 * reason otherwise, having written nothing under the store file's name.
 */
public final class RestoreStoreBackup {

    private RestoreStoreBackup() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: RestoreStoreBackup BACKUP DATA_DIRECTORY KEY_ENCRYPTION_KEY_FILE");
            System.exit(2);
        }
        try {
            KeyEncryptionKey key = KeyEncryptionKeyFile.read(Path.of(args[2]));
            BackupFile.Header header = StoreBackups.restore(Path.of(args[0]), key, Path.of(args[1]));
            System.out.println("Restored the backup taken at " + header.takenAt() + " (store version "
                    + header.storeVersion() + ", " + header.storeBytes() + " bytes, key-encryption key "
                    + header.keyEncryptionKey() + ") into " + Path.of(args[1]).toAbsolutePath());
            System.out.println("Start the platform with JGSW_DATA_DIR=" + Path.of(args[1]).toAbsolutePath()
                    + " JGSW_KEY_ENCRYPTION_KEY_FILE=" + Path.of(args[2]).toAbsolutePath());
        } catch (RuntimeException e) {
            System.err.println("Not restored: " + e.getMessage());
            System.exit(1);
        }
    }
}
