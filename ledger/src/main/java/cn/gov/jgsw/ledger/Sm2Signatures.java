package cn.gov.jgsw.ledger;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Hex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * SM2 signatures (GB/T 32918.2) on the recommended curve {@code sm2p256v1}, with SM3 as the hash, the way the ledger
 * signs tree heads:
 * <ul>
 *     <li>the signer's user id (ID_A, which enters Z_A) is {@value #USER_ID}, the default of GB/T 35276-2017 §7,
 *     as UTF-8 bytes;</li>
 *     <li>a signature is the DER encoding of {@code SEQUENCE { r INTEGER, s INTEGER }} (GB/T 35276 §7), written in
 *     lowercase hex;</li>
 *     <li>a public key is the uncompressed point {@code 04 || x || y} (65 bytes), in lowercase hex; a private key is
 *     the scalar d, 32 bytes in hex.</li>
 * </ul>
 */
public final class Sm2Signatures {

    public static final String USER_ID = "1234567812345678";
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());

    private Sm2Signatures() {
    }

    /** A key pair: private scalar and public point, both hex. */
    public record KeyPair(String privateKeyHex, String publicKeyHex) {

        @Override
        public String toString() {
            return "KeyPair[public=" + publicKeyHex + "]";
        }
    }

    public static KeyPair newKeyPair(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        byte[] q = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        return new KeyPair(Hex.toHexString(unsigned32(d)), Hex.toHexString(q));
    }

    /** The public key of a private one. */
    public static String publicKeyOf(String privateKeyHex) {
        BigInteger d = new BigInteger(1, Hex.decode(privateKeyHex));
        return Hex.toHexString(DOMAIN.getG().multiply(d).normalize().getEncoded(false));
    }

    /** Signs the message with the private key and {@link #USER_ID}; answers the DER signature in hex. */
    public static String sign(String privateKeyHex, byte[] message, SecureRandom random) {
        SM2Signer signer = new SM2Signer();
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(1, Hex.decode(privateKeyHex)), DOMAIN);
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random),
                USER_ID.getBytes(StandardCharsets.UTF_8)));
        signer.update(message, 0, message.length);
        try {
            return Hex.toHexString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** Whether the DER signature (hex) is the public key's over the message with {@link #USER_ID}. */
    public static boolean verify(String publicKeyHex, byte[] message, String signatureHex) {
        try {
            ECPublicKeyParameters key = new ECPublicKeyParameters(
                    DOMAIN.getCurve().decodePoint(Hex.decode(publicKeyHex)), DOMAIN);
            SM2Signer verifier = new SM2Signer();
            verifier.init(false, new ParametersWithID(key, USER_ID.getBytes(StandardCharsets.UTF_8)));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(Hex.decode(signatureHex));
        } catch (RuntimeException malformed) {
            // A key or signature that is not even well-formed verifies nothing.
            return false;
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
