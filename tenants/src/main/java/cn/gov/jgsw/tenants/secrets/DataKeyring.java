package cn.gov.jgsw.tenants.secrets;

import cn.gov.jgsw.tenants.api.SecretSealer;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * The deployment's data key (数据密钥), and the sealing of secrets under it. The data key is made once, by the first
 * node to start on an empty store, and kept in {@code platform_secrets} only wrapped by the key-encryption key; every
 * secret of the platform is sealed under it ({@link SecretSealer}). Replacing the key-encryption key wraps this one key
 * anew ({@link #rewrap}); nothing else changes.
 * <p>
 * A sealed value is {@code sealed:1:<data key id>:<base64url of IV, ciphertext and tag>}, AES-256-GCM with its format,
 * data key id and context as associated data.
 */
public final class DataKeyring implements SecretSealer {

    static final String COLLECTION = "platform_secrets";
    static final String DOCUMENT_ID = "data-key";
    private static final String PREFIX = "sealed:1:";
    private static final String SEALED_COLLECTIONS = "sealedCollections";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64 = Base64.getUrlDecoder();
    private static final Logger log = LoggerFactory.getLogger(DataKeyring.class);

    private final MongoCollection<Document> secrets;
    private final SecureRandom random = new SecureRandom();
    private final String dataKeyId;
    private final SecretKeySpec dataKey;
    private volatile KeyEncryptionKey keyEncryptionKey;

    private DataKeyring(MongoCollection<Document> secrets, String dataKeyId, byte[] dataKey,
                        KeyEncryptionKey keyEncryptionKey) {
        this.secrets = secrets;
        this.dataKeyId = dataKeyId;
        this.dataKey = new SecretKeySpec(dataKey, "AES");
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** True if the store already has a data key: then only the key-encryption key it was wrapped under opens it. */
    public static boolean existsIn(MongoDatabase database) {
        return database.getCollection(COLLECTION).find(Filters.eq("_id", DOCUMENT_ID)).first() != null;
    }

    /** The id of the key-encryption key that wraps the store's data key, or null if it has none yet. */
    public static String keyEncryptionKeyIdOf(MongoDatabase database) {
        Document stored = database.getCollection(COLLECTION).find(Filters.eq("_id", DOCUMENT_ID)).first();
        return stored == null ? null : stored.getString("keyEncryptionKey");
    }

    /**
     * Opens the store's data key with the key-encryption key, making the data key first if the store has none.
     *
     * @throws WrongKeyEncryptionKeyException if the data key was wrapped under another key-encryption key, or altered
     */
    public static DataKeyring open(MongoDatabase database, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        MongoCollection<Document> secrets = database.getCollection(COLLECTION);
        Document stored = secrets.find(Filters.eq("_id", DOCUMENT_ID)).first();
        if (stored == null) {
            stored = make(secrets, keyEncryptionKey, clock);
        }
        String dataKeyId = stored.getString("dataKeyId");
        String wrappedUnder = stored.getString("keyEncryptionKey");
        if (!keyEncryptionKey.id().equals(wrappedUnder)) {
            throw new WrongKeyEncryptionKeyException("The key-encryption key " + keyEncryptionKey.id()
                    + " does not open this store's data key, which is wrapped under " + wrappedUnder
                    + ": start with the key-encryption key this store was written with (a restored backup needs the "
                    + "key it was taken under)");
        }
        try {
            byte[] dataKey = keyEncryptionKey.unwrap(FROM_BASE64.decode(stored.getString("wrapped")),
                    wrappingContext(dataKeyId));
            return new DataKeyring(secrets, dataKeyId, dataKey, keyEncryptionKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WrongKeyEncryptionKeyException("The store's data key " + dataKeyId + " does not open with the "
                    + "key-encryption key " + keyEncryptionKey.id() + " it names: its stored form was altered");
        }
    }

    private static Document make(MongoCollection<Document> secrets, KeyEncryptionKey keyEncryptionKey, Clock clock) {
        SecureRandom random = new SecureRandom();
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        String dataKeyId = "dk-" + HexFormat.of().formatHex(idBytes);
        Document made = new Document("_id", DOCUMENT_ID).append("dataKeyId", dataKeyId)
                .append("wrapped", BASE64.encodeToString(
                        keyEncryptionKey.wrap(dataKey, wrappingContext(dataKeyId), random)))
                .append("keyEncryptionKey", keyEncryptionKey.id())
                .append("createdAt", Date.from(clock.instant()))
                .append(SEALED_COLLECTIONS, List.of());
        try {
            secrets.insertOne(made);
            log.info("Made the store's data key {}, wrapped under the key-encryption key {}", dataKeyId,
                    keyEncryptionKey.id());
            return made;
        } catch (MongoWriteException raced) {
            if (raced.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw raced;
            }
            // Another node made it at the same moment: its key stands.
            return secrets.find(Filters.eq("_id", DOCUMENT_ID)).first();
        }
    }

    /**
     * Wraps the data key under a new key-encryption key, in place of the one that wraps it now. From then on the store
     * opens with the new key only; backups taken before still need the key they were taken under. A backup being
     * taken holds this keyring's lock, and the replacement waits for it.
     *
     * @return the id of the key-encryption key replaced
     */
    public synchronized String rewrap(KeyEncryptionKey next, Clock clock) {
        KeyEncryptionKey previous = keyEncryptionKey;
        if (previous.id().equals(next.id())) {
            throw new IllegalArgumentException("The new key-encryption key is the one in use (" + next.id() + ")");
        }
        long replaced = secrets.updateOne(
                Filters.and(Filters.eq("_id", DOCUMENT_ID), Filters.eq("keyEncryptionKey", previous.id())),
                Updates.combine(
                        Updates.set("wrapped", BASE64.encodeToString(
                                next.wrap(dataKey.getEncoded(), wrappingContext(dataKeyId), random))),
                        Updates.set("keyEncryptionKey", next.id()),
                        Updates.set("rewrappedAt", Date.from(clock.instant())))).getModifiedCount();
        if (replaced != 1) {
            throw new IllegalStateException("The store's data key is no longer wrapped under " + previous.id()
                    + ": another node replaced the key-encryption key");
        }
        keyEncryptionKey = next;
        log.info("The store's data key {} is now wrapped under the key-encryption key {} (was {})", dataKeyId,
                next.id(), previous.id());
        return previous.id();
    }

    /** The key-encryption key in use: it also wraps the keys of backups. */
    public KeyEncryptionKey keyEncryptionKey() {
        return keyEncryptionKey;
    }

    public String dataKeyId() {
        return dataKeyId;
    }

    @Override
    public String seal(String context, byte[] secret) {
        return PREFIX + dataKeyId + ":" + BASE64.encodeToString(AesGcm.seal(dataKey, secret, associated(context),
                random));
    }

    @Override
    public byte[] open(String context, String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalStateException("The secret of " + context + " is not sealed");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equals(dataKeyId)) {
            throw new IllegalStateException("The secret of " + context + " is not sealed under this store's data key "
                    + dataKeyId);
        }
        try {
            return AesGcm.open(dataKey, FROM_BASE64.decode(rest.substring(colon + 1)), associated(context));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The sealed secret of " + context + " does not open: it was altered, or "
                    + "sealed for another place");
        }
    }

    @Override
    public boolean isSealed(String storedValue) {
        return storedValue != null && storedValue.startsWith(PREFIX);
    }

    @Override
    public void migrateClearSecretsOnce(String collection, Runnable migration) {
        if (sealedCollections().contains(collection)) {
            return;
        }
        migration.run();
        secrets.updateOne(Filters.eq("_id", DOCUMENT_ID), Updates.addToSet(SEALED_COLLECTIONS, collection));
    }

    @Override
    public IllegalStateException refuseClear(String collection, Object documentId) {
        return new IllegalStateException("The secret of " + collection + " " + documentId + " is stored in clear, "
                + "although every secret of " + collection + " was sealed before: someone wrote it into the database. "
                + "The platform does not use it.");
    }

    private List<String> sealedCollections() {
        Document stored = secrets.find(Filters.eq("_id", DOCUMENT_ID)).first();
        return stored == null ? List.of() : stored.getList(SEALED_COLLECTIONS, String.class, List.of());
    }

    /** What a sealed value is bound to besides its key: its format, its data key and its place. */
    private String associated(String context) {
        return PREFIX + dataKeyId + ":" + context;
    }

    private static String wrappingContext(String dataKeyId) {
        return "jgsw data key " + dataKeyId;
    }

    @Override
    public String toString() {
        return "DataKeyring[" + dataKeyId + " under " + keyEncryptionKey.id() + "]";
    }

    /** The key-encryption key given does not open the store's data key. */
    public static final class WrongKeyEncryptionKeyException extends IllegalStateException {
        WrongKeyEncryptionKeyException(String message) {
            super(message);
        }
    }
}
