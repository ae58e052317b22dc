package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.TreeHead;

/**
 * A tree head and its SM2 signature (签名树头).
 *
 * @param head         what was signed ({@link TreeHead#signedText()})
 * @param publicKeyHex the bureau's ledger key that signed it (uncompressed point, hex)
 * @param signatureHex the DER signature, hex
 */
public record SignedTreeHead(TreeHead head, String publicKeyHex, String signatureHex) {
}
