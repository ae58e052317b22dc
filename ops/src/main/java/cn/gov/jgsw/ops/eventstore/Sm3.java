package cn.gov.jgsw.ops.eventstore;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/** SM3 (GB/T 32905-2016), the hash the audit ledger is built on, from BouncyCastle. */
final class Sm3 {

    private Sm3() {
    }

    /** The 32-byte SM3 digest of the bytes, as 64 lowercase hexadecimal digits. */
    static String hex(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return Hex.toHexString(hash);
    }
}
