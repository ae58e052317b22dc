package cn.gov.jgsw.ops.support;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;

/**
 * Tokens made by a test rather than by the authorization server: signed with the platform's own key, read from the
 * database as an insider could, so that exactly the claims the test chooses (a wrong one, or a lifetime of seconds)
 * reach the platform.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The key the platform signs with now. */
    public static RSAKey platformKey(MongoDatabase platformDatabase) {
        try {
            Document pointer = platformDatabase.getCollection("signing_keys").find(new Document("_id", "signing"))
                    .first();
            Document key = platformDatabase.getCollection("signing_keys")
                    .find(new Document("_id", pointer.getString("kid"))).first();
            return RSAKey.parse(key.getString("jwk"));
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
