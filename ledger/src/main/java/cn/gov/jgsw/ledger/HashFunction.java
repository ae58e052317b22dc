package cn.gov.jgsw.ledger;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.util.function.Supplier;

/** A hash function for the Merkle log: SM3 for the ledger, SHA-256 to check the code against RFC 6962 test vectors. */
public final class HashFunction {

    public static final HashFunction SM3 = new HashFunction("SM3", SM3Digest::new);
    public static final HashFunction SHA256 = new HashFunction("SHA-256", SHA256Digest::new);

    private final String name;
    private final Supplier<Digest> digests;

    private HashFunction(String name, Supplier<Digest> digests) {
        this.name = name;
        this.digests = digests;
    }

    public String name() {
        return name;
    }

    /** The digest of the parts, one after the other. */
    public byte[] hash(byte[]... parts) {
        Digest digest = digests.get();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
