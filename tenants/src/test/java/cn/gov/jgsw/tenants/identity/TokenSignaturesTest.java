package cn.gov.jgsw.tenants.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signatures are checked against the current key set, with its keys converted once per set. */
class TokenSignaturesTest {

    private final RSAKey first = generate();
    private final RSAKey second = generate();
    private final AtomicReference<List<JWK>> keySet = new AtomicReference<>(List.of(first));
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenSignaturesTest() {
        processor.setJWSKeySelector(new TokenSignatures(keySet::get));
    }

    @Test
    void aTokenSignedWithAKeyOfTheSetIsAccepted() throws Exception {
        assertThat(processor.process(signedWith(first, first.getKeyID()), null).getSubject()).isEqualTo("clerk");
        assertThat(processor.process(signedWith(first, null), null).getSubject()).isEqualTo("clerk");
    }

    @Test
    void aTokenSignedWithAnotherKeyOrNamingAnUnknownKeyIsRefused() {
        assertThatThrownBy(() -> processor.process(signedWith(second, second.getKeyID()), null))
                .hasMessageContaining("no matching key");
        assertThatThrownBy(() -> processor.process(signedWith(second, first.getKeyID()), null))
                .hasMessageContaining("Signed JWT rejected");
        assertThatThrownBy(() -> processor.process(signedWith(second, null), null))
                .hasMessageContaining("Signed JWT rejected");
    }

    @Test
    void aNewKeySetIsUsedAsSoonAsTheKeysChange() throws Exception {
        processor.process(signedWith(first, first.getKeyID()), null);

        keySet.set(List.of(second, first));
        assertThat(processor.process(signedWith(second, second.getKeyID()), null).getSubject()).isEqualTo("clerk");
        assertThat(processor.process(signedWith(first, first.getKeyID()), null).getSubject()).isEqualTo("clerk");

        keySet.set(List.of(second));
        assertThatThrownBy(() -> processor.process(signedWith(first, first.getKeyID()), null))
                .hasMessageContaining("no matching key");
    }

    private static SignedJWT signedWith(RSAKey key, String keyId) throws JOSEException {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().subject("clerk")
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        token.sign(new RSASSASigner(key));
        return token;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
