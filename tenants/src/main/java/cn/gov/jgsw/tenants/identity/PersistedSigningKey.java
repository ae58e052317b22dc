package cn.gov.jgsw.tenants.identity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bson.Document;

import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;

/**
 * The key that signs access tokens, kept in the {@code signing_keys} collection so that tokens stay valid across
 * restarts and every node of a cluster signs and verifies with the same key. The first node to start creates it;
 * {@code $setOnInsert} makes concurrent first starts agree on one key.
 * <p>
 * The private key sits in the database unencrypted: whoever reads the database can mint tokens. Key rotation and
 * wrapping (or a signing device) come with the identity-hardening issue.
 */
final class PersistedSigningKey {

    private static final String CURRENT = "current";

    private PersistedSigningKey() {
    }

    static RSAKey loadOrCreate(MongoDatabase platformDatabase) {
        MongoCollection<Document> keys = platformDatabase.getCollection("signing_keys");
        RSAKey candidate = generate();
        Document stored = keys.findOneAndUpdate(Filters.eq("_id", CURRENT),
                Updates.combine(
                        Updates.setOnInsert("kid", candidate.getKeyID()),
                        Updates.setOnInsert("jwk", candidate.toJSONString()),
                        Updates.setOnInsert("createdAt", Instant.now().toString())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        try {
            return RSAKey.parse(stored.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key is unreadable", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }
}
