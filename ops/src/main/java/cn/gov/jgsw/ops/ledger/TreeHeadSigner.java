package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.TreeHead;

/**
 * Signs a bureau's tree heads with the bureau's ledger key. Behind an interface so that a certified signing device
 * (密码机, GM/T 0018) can replace the software keys without touching the ledger: it must sign the head's
 * {@link TreeHead#signedBytes()} with SM2 and SM3, user id {@code 1234567812345678}, DER signature.
 */
public interface TreeHeadSigner {

    SignedTreeHead sign(TreeHead head);

    /** The bureau's current ledger public key (uncompressed point, hex), made on first use. */
    String publicKeyOf(String tenantId);

    /**
     * The public key of the key this signer signs the bureau's heads with, as the signer itself holds it (a device's
     * own answer, or derived from the sealed private key), never as the stored record states it: what the platform
     * checks its own ledger against.
     */
    String signingKeyOf(String tenantId);
}
