package cn.gov.jgsw.ops.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.List;

/**
 * Tokens made by a test rather than by the authorization server: signed with the platform's own key, taken from the
 * running platform's key source (the database holds it only sealed, ADR 0024), so that exactly the claims the test
 * chooses (a wrong one, or a lifetime of seconds) reach the platform.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The key the platform signs with now: the first private key of its key source. */
    public static RSAKey platformKey(JWKSource<SecurityContext> keys) {
        return privateKeys(keys).get(0);
    }

    /** Every private key of the platform's key source, the signing key first. */
    public static List<RSAKey> privateKeys(JWKSource<SecurityContext> keys) {
        try {
            return keys.get(new JWKSelector(new JWKMatcher.Builder().privateOnly(true).build()), null).stream()
                    .map(RSAKey.class::cast).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
