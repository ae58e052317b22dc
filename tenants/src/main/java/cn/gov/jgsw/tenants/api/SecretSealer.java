package cn.gov.jgsw.tenants.api;

/**
 * Seals the platform's secrets before they are stored: the keys that sign tokens and tree heads, the cursor key, the
 * tokens of sign-ins, and any secret to come. A sealed value is encrypted and authenticated under the deployment's data
 * key, which is itself stored only wrapped by a key-encryption key that lies outside the data (ADR 0024). A copy of the
 * database, or of a backup, holds no secret in clear.
 * <p>
 * Each value is sealed for a context (its collection, document and field): a sealed value moved to another document
 * does not open there.
 */
public interface SecretSealer {

    /** The secret, encrypted for the context, as text to store. */
    String seal(String context, byte[] secret);

    /**
     * The secret sealed for the context.
     *
     * @throws IllegalStateException if the value was altered, sealed for another context or under another data key
     */
    byte[] open(String context, String sealed);

    /** True if the stored value is a sealed one; a value written before sealing existed is not. */
    boolean isSealed(String storedValue);

    /**
     * Runs the migration of a collection's secrets that were stored in clear by an earlier version, once per store;
     * afterwards a clear secret in that collection was written by someone else, and {@link #refuseClear} says so.
     */
    void migrateClearSecretsOnce(String collection, Runnable migration);

    /**
     * The error for a secret found in clear in a collection whose secrets were all sealed: someone wrote it into the
     * database, and the platform does not use it.
     */
    IllegalStateException refuseClear(String collection, Object documentId);
}
