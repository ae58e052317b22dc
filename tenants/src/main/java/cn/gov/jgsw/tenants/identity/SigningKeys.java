package cn.gov.jgsw.tenants.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import cn.gov.jgsw.tenants.api.SecretSealer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The keys that sign access tokens (签名密钥), kept in the {@code signing_keys} collection so that tokens stay valid
 * across restarts and every node signs and verifies alike.
 * <p>
 * One key signs; each token names it ({@code kid}). The signing key is replaced every {@link #ROTATION_PERIOD}, or at
 * once by an operator ({@link #rotate()}); a replaced key keeps verifying for {@link #VERIFICATION_GRACE}, far longer
 * than any token it signed lives, and is then deleted with its private part. A pointer document names the signing
 * key; a conditional update of it makes concurrent rotations on several nodes agree on one new key. Each node re-reads
 * the keys at most every {@link #RELOAD_INTERVAL}, so a rotation on one node reaches the others within that time.
 * <p>
 * A key's private part is stored only sealed ({@link SecretSealer}, ADR 0024): whoever reads the database, a dump or a
 * backup without the key-encryption key cannot mint tokens. Its public part is stored beside it in clear. Keys an
 * earlier version stored in clear are replaced at the first start.
 */
public final class SigningKeys {

    static final Duration ROTATION_PERIOD = Duration.ofDays(30);
    static final Duration VERIFICATION_GRACE = Duration.ofDays(1);
    static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);

    private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);
    private static final String POINTER = "signing";
    static final String COLLECTION = "signing_keys";
    /** Where an earlier version kept the whole key in clear. */
    private static final String CLEAR_JWK = "jwk";

    private final MongoCollection<Document> keys;
    private final SecretSealer sealer;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(RSAKey signing, List<JWK> verifying, Instant at) {
    }

    SigningKeys(MongoDatabase platformDatabase, SecretSealer sealer, Clock clock) {
        this.keys = platformDatabase.getCollection(COLLECTION);
        this.sealer = sealer;
        this.clock = clock;
        sealer.migrateClearSecretsOnce(COLLECTION, this::replaceClearKeys);
        this.loaded = load();
        if (createdAt(loaded.signing()).plus(ROTATION_PERIOD).isBefore(clock.instant())) {
            rotate();
        }
    }

    /** The key that signs new tokens. */
    RSAKey signing() {
        return current().signing();
    }

    /** Every key a valid token may have been signed with: the signing key first. */
    List<JWK> verifying() {
        return current().verifying();
    }

    /** Replaces the signing key now (a suspected leak, or the schedule). Answers the new key's id. */
    public String rotate() {
        String previous = loaded.signing().getKeyID();
        RSAKey next = generate();
        keys.insertOne(keyDocument(next));
        boolean replaced = keys.updateOne(Filters.and(Filters.eq("_id", POINTER), Filters.eq("kid", previous)),
                Updates.set("kid", next.getKeyID())).getModifiedCount() == 1;
        if (replaced) {
            keys.updateOne(Filters.eq("_id", previous), Updates.set("retiredAt", Date.from(clock.instant())));
            logger.info("Signing key {} replaced by {}; {} verifies for {} more", previous, next.getKeyID(), previous,
                    VERIFICATION_GRACE);
        } else {
            // Another node rotated at the same moment: its key stands, ours is dropped.
            keys.deleteOne(Filters.eq("_id", next.getKeyID()));
        }
        loaded = load();
        return loaded.signing().getKeyID();
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now.at().plus(RELOAD_INTERVAL).isBefore(clock.instant())) {
            now = load();
            loaded = now;
        }
        return now;
    }

    private Loaded load() {
        String signingKid = signingKeyId();
        Instant now = clock.instant();
        RSAKey signing = null;
        List<JWK> verifying = new ArrayList<>();
        for (Document key : keys.find(Filters.ne("_id", POINTER))) {
            Date retiredAt = key.getDate("retiredAt");
            if (retiredAt != null && retiredAt.toInstant().plus(VERIFICATION_GRACE).isBefore(now)) {
                keys.deleteOne(Filters.eq("_id", key.getString("_id")));
                continue;
            }
            RSAKey parsed = parse(key);
            if (parsed.getKeyID().equals(signingKid)) {
                signing = parsed;
                verifying.add(0, parsed);
            } else if (retiredAt != null) {
                verifying.add(parsed);
            }
        }
        if (signing == null) {
            throw new IllegalStateException("The signing key " + signingKid + " named in signing_keys is missing");
        }
        return new Loaded(signing, List.copyOf(verifying), now);
    }

    /** The pointer's key id; the first node to start creates the first key and the pointer. */
    private String signingKeyId() {
        Document pointer = keys.find(Filters.eq("_id", POINTER)).first();
        if (pointer != null) {
            return pointer.getString("kid");
        }
        RSAKey first = generate();
        keys.insertOne(keyDocument(first));
        try {
            keys.insertOne(new Document("_id", POINTER).append("kid", first.getKeyID()));
            return first.getKeyID();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            keys.deleteOne(Filters.eq("_id", first.getKeyID()));
            return keys.find(Filters.eq("_id", POINTER)).first().getString("kid");
        }
    }

    private Document keyDocument(RSAKey key) {
        return new Document("_id", key.getKeyID())
                .append("publicJwk", key.toPublicJWK().toJSONString())
                .append("privateJwk", sealer.seal(context(key.getKeyID()), utf8(key.toJSONString())))
                .append("createdAt", Date.from(clock.instant()));
    }

    /**
     * Keys an earlier version stored in clear went wherever copies of the data went: they are deleted, and a new key
     * signs. Tokens they signed are no longer accepted; the app's refresh tokens were in clear too and are revoked
     * ({@link MongoAuthorizationService}), so people sign in again once.
     */
    private void replaceClearKeys() {
        long deleted = keys.deleteMany(Filters.exists(CLEAR_JWK)).getDeletedCount();
        Document pointer = keys.find(Filters.eq("_id", POINTER)).first();
        if (pointer != null && keys.find(Filters.eq("_id", pointer.getString("kid"))).first() == null) {
            keys.deleteOne(Filters.eq("_id", POINTER));
        }
        if (deleted > 0) {
            logger.warn("Deleted {} token signing keys an earlier version stored in clear (copies of the data hold "
                    + "them): tokens signed before are no longer accepted, and a new key signs", deleted);
        }
    }

    private static String context(String kid) {
        return COLLECTION + "/" + kid + "/privateJwk";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Instant createdAt(RSAKey key) {
        Document stored = keys.find(Filters.eq("_id", key.getKeyID())).first();
        return stored == null ? clock.instant() : stored.getDate("createdAt").toInstant();
    }

    private RSAKey parse(Document key) {
        String kid = key.getString("_id");
        if (key.containsKey(CLEAR_JWK)) {
            throw sealer.refuseClear(COLLECTION, kid);
        }
        return parseJwk(kid, new String(sealer.open(context(kid), key.getString("privateJwk")),
                StandardCharsets.UTF_8));
    }

    private static RSAKey parseJwk(String kid, String jwk) {
        try {
            RSAKey key = RSAKey.parse(jwk);
            if (!kid.equals(key.getKeyID())) {
                throw new IllegalStateException("stored signing key " + kid + " names another key id");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
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
