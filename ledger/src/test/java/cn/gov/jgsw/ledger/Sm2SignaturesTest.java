package cn.gov.jgsw.ledger;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.test.TestRandomBigInteger;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** SM2 signatures of tree heads: they round-trip, and a changed head, another key or a broken signature fails. */
class Sm2SignaturesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aSignedHeadVerifiesWithItsKeyAndNothingElseDoes() {
        Sm2Signatures.KeyPair key = Sm2Signatures.newKeyPair(RANDOM);
        TreeHead head = new TreeHead("bureau-nanming", 1234, "ab".repeat(32), Instant.parse("2026-11-26T15:50:00Z"));
        String signature = Sm2Signatures.sign(key.privateKeyHex(), head.signedBytes(), RANDOM);

        assertThat(Sm2Signatures.publicKeyOf(key.privateKeyHex())).isEqualTo(key.publicKeyHex());
        assertThat(key.publicKeyHex()).hasSize(130).startsWith("04");
        assertThat(Sm2Signatures.verify(key.publicKeyHex(), head.signedBytes(), signature)).isTrue();

        TreeHead shorter = new TreeHead("bureau-nanming", 1233, head.rootHex(), head.issuedAt());
        assertThat(Sm2Signatures.verify(key.publicKeyHex(), shorter.signedBytes(), signature)).isFalse();
        Sm2Signatures.KeyPair other = Sm2Signatures.newKeyPair(RANDOM);
        assertThat(Sm2Signatures.verify(other.publicKeyHex(), head.signedBytes(), signature)).isFalse();
        assertThat(Sm2Signatures.verify(key.publicKeyHex(), head.signedBytes(), "3006020101020101")).isFalse();
        assertThat(Sm2Signatures.verify(key.publicKeyHex(), head.signedBytes(), "not hex")).isFalse();
        assertThat(Sm2Signatures.verify("04" + "00".repeat(64), head.signedBytes(), signature)).isFalse();
        assertThat(key.toString()).doesNotContain(key.privateKeyHex());
    }

    /**
     * GB/T 32918.5-2016 (GM/T 0003.5-2012) Annex A on sm2p256v1, user id 1234567812345678, message "message digest",
     * as in OpenSSL's {@code test/sm2_internal_test.c}; the public key as in chenpengcong/sm2-with-openssl's
     * {@code test_sm2_sign_verify.c}. The published signature verifies, and signing with the published k gives it.
     */
    @Test
    void thePublishedSignatureOfTheStandardVerifiesAndIsReproduced() throws Exception {
        String d = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
        String publicKey = "04" + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
                + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
        BigInteger r = new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16);
        BigInteger s = new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16);
        String signature = Hex.toHexString(new DERSequence(new ASN1Integer[]{new ASN1Integer(r), new ASN1Integer(s)})
                .getEncoded());
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);

        assertThat(Sm2Signatures.publicKeyOf(d)).isEqualToIgnoringCase(publicKey);
        assertThat(Sm2Signatures.verify(publicKey.toLowerCase(), message, signature)).isTrue();
        assertThat(Sm2Signatures.verify(publicKey.toLowerCase(), "message digesT".getBytes(StandardCharsets.US_ASCII),
                signature)).isFalse();
        String reproduced = Sm2Signatures.sign(d.toLowerCase(), message,
                new TestRandomBigInteger("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21", 16));
        assertThat(reproduced).isEqualTo(signature);
    }

    @Test
    void theSignedTextIsFiveLinesAPersonCanRead() {
        TreeHead head = new TreeHead("bureau-nanming", 7, "0f".repeat(32), Instant.parse("2026-11-26T15:50:00Z"));
        assertThat(new String(head.signedBytes(), StandardCharsets.UTF_8)).isEqualTo("""
                jgsw-ledger-tree-head/v1
                tenant:bureau-nanming
                size:7
                root:%s
                issued:2026-11-26T15:50:00Z
                """.formatted("0f".repeat(32)));
    }
}
