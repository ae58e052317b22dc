package cn.gov.jgsw.tenants.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.Key;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks the signature of a token the authorization server issued against the platform's signing keys
 * ({@link SigningKeys}), without a network hop.
 * <p>
 * Nimbus's own key selector converts the matching JWK to a Java key for every token it checks, decoding the RSA
 * modulus from Base64 each time, a visible share of the platform's CPU under the mobile API benchmark
 * (BENCHMARKS.md). Here the
 * keys are converted once per key set; a rotation or a reload of the keys gives a new set, converted again.
 */
public final class TokenSignatures implements JWSKeySelector<SecurityContext> {

    private final Supplier<List<JWK>> verifying;
    private volatile Converted converted = new Converted(List.of(), Map.of());

    /** The keys of one key set, by key id, in the set's order (the signing key first). */
    private record Converted(List<JWK> from, Map<String, PublicKey> byKeyId) {
    }

    TokenSignatures(Supplier<List<JWK>> verifying) {
        this.verifying = verifying;
    }

    /**
     * A decoder of the platform's tokens: the signature is checked against the signing keys (once per token,
     * {@link CheckedSignatures}); at every request, the lifetime, the issuer, the audience, and {@code more}.
     *
     * @param audience the audience a token must name: whom it was issued for
     * @param more     what else the token's claims must satisfy
     */
    public static JwtDecoder decoder(SigningKeys keys, String issuer, String audience,
                                     OAuth2TokenValidator<Jwt> more) {
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        named -> named != null && named.contains(audience)),
                more);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new TokenSignatures(keys::verifying));
        // Spring's validators check the claims; Nimbus's own check would refuse what they are meant to report.
        processor.setJWTClaimsSetVerifier((claimSet, context) -> {
        });
        NimbusJwtDecoder signatureOnly = new NimbusJwtDecoder(processor);
        signatureOnly.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new CheckedSignatures(signatureOnly, claims);
    }

    /** The keys that may have signed a token with this header: RSA ones, by the header's key id if it names one. */
    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!JWSAlgorithm.Family.RSA.contains(header.getAlgorithm())) {
            return List.of();
        }
        Map<String, PublicKey> keys = current().byKeyId();
        if (header.getKeyID() == null) {
            return List.copyOf(keys.values());
        }
        PublicKey key = keys.get(header.getKeyID());
        return key == null ? List.of() : List.of(key);
    }

    private Converted current() throws KeySourceException {
        List<JWK> set = verifying.get();
        Converted known = converted;
        if (known.from() == set) {
            return known;
        }
        Map<String, PublicKey> byKeyId = new LinkedHashMap<>();
        for (JWK jwk : set) {
            if (jwk instanceof RSAKey rsa && (rsa.getKeyUse() == null || KeyUse.SIGNATURE.equals(rsa.getKeyUse()))) {
                try {
                    byKeyId.put(rsa.getKeyID(), rsa.toRSAPublicKey());
                } catch (JOSEException e) {
                    throw new KeySourceException("signing key " + rsa.getKeyID() + " is unusable", e);
                }
            }
        }
        Converted fresh = new Converted(set, Collections.unmodifiableMap(byKeyId));
        converted = fresh;
        return fresh;
    }
}
