package cn.gov.jgsw.tenants.secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key-encryption key (密钥加密密钥, KEK): 256 bits that live outside the data directory and outside the database,
 * given to the platform at start. It wraps the data key and the keys of backups, nothing else; so whoever holds the
 * data, a backup or a dump without it holds no usable secret.
 * <p>
 * Its id is derived from the key one way, so that logs and the store can name the key without revealing it.
 */
public final class KeyEncryptionKey {

    public static final int BYTES = 32;

    private final SecretKeySpec key;
    private final String id;

    private KeyEncryptionKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** The key of these 32 bytes. */
    public static KeyEncryptionKey of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a key-encryption key has " + BYTES + " bytes, not " + bytes.length);
        }
        return new KeyEncryptionKey(bytes.clone());
    }

    /** A new random key. */
    public static KeyEncryptionKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new KeyEncryptionKey(bytes);
    }

    /** {@code kek-} and 16 hex digits of an HMAC of a fixed text under the key. */
    public String id() {
        return id;
    }

    /** The key's bytes, for writing it to its file. */
    public byte[] bytes() {
        return key.getEncoded();
    }

    /** Encrypts and authenticates a key for the context (AES-256-GCM); the answer starts with its random IV. */
    public byte[] wrap(byte[] plainKey, String context, SecureRandom random) {
        return AesGcm.seal(key, plainKey, context, random);
    }

    /**
     * The key wrapped for the context.
     *
     * @throws GeneralSecurityException if this key did not wrap it for that context, or it was altered
     */
    public byte[] unwrap(byte[] wrapped, String context) throws GeneralSecurityException {
        return AesGcm.open(key, wrapped, context);
    }

    private static String idOf(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            byte[] digest = mac.doFinal("jgsw key-encryption key id".getBytes(StandardCharsets.UTF_8));
            return "kek-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
