package cn.gov.jgsw.graphql.cursors;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.SecretSealer;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and checks page cursors. A cursor is {@code base64url(position) "." base64url(HMAC-SHA256(tenant, person,
 * list, position))}: the client cannot read it as anything meaningful, cannot alter it, and cannot use one issued to
 * another person or bureau or for another list; each of those answers {@code INVALID_CURSOR}.
 * <p>
 * The HMAC key is created once per deployment in {@code platform_secrets}, so every node accepts every node's cursors
 * and cursors survive restarts. It is stored only sealed ({@link SecretSealer}, ADR 0024); a key an earlier version
 * stored in clear is replaced at the first start.
 */
@Component
public class CursorCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String COLLECTION = "platform_secrets";
    private static final String KEY_ID = "cursor-hmac-key";
    private static final String CONTEXT = COLLECTION + "/" + KEY_ID + "/key";
    private static final String MIGRATION = COLLECTION + "." + KEY_ID;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public CursorCodec(MongoDatabase platformDatabase, SecretSealer sealer) {
        MongoCollection<Document> secrets = platformDatabase.getCollection(COLLECTION);
        // A key an earlier version stored in clear went wherever copies of the data went: a new one replaces it, and
        // the cursors it signed answer INVALID_CURSOR (the app reads the list from its start again).
        sealer.migrateClearSecretsOnce(MIGRATION, () -> {
            Document stored = secrets.find(Filters.eq("_id", KEY_ID)).first();
            if (stored != null && !sealer.isSealed(stored.getString("key"))) {
                secrets.deleteOne(Filters.eq("_id", KEY_ID));
            }
        });
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        Document stored = secrets.findOneAndUpdate(Filters.eq("_id", KEY_ID),
                Updates.setOnInsert("key", sealer.seal(CONTEXT, candidate)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (!sealer.isSealed(stored.getString("key"))) {
            throw sealer.refuseClear(COLLECTION, KEY_ID);
        }
        this.key = new SecretKeySpec(sealer.open(CONTEXT, stored.getString("key")), ALGORITHM);
    }

    /** A cursor for {@code position} in the list {@code list}, valid only for this caller. */
    public String encode(Caller caller, String list, String position) {
        byte[] positionBytes = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(positionBytes) + "." + ENCODER.encodeToString(sign(caller, list, positionBytes));
    }

    /**
     * The position a cursor stands for.
     *
     * @throws ApiException {@code INVALID_CURSOR} if the cursor is malformed or was not issued to this caller for
     *                      this list
     */
    public String decode(Caller caller, String list, String cursor) {
        int dot = cursor == null ? -1 : cursor.indexOf('.');
        if (dot < 1 || cursor.length() > 512) {
            throw invalid();
        }
        try {
            byte[] position = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(caller, list, position))) {
                throw invalid();
            }
            return new String(position, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedBase64) {
            throw invalid();
        }
    }

    private byte[] sign(Caller caller, String list, byte[] position) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Length-prefixed parts, so that no two different (tenant, person, list) triples sign the same bytes.
            for (String part : new String[]{caller.tenantId(), caller.userId(), list}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) ':');
                mac.update(bytes);
            }
            mac.update(position);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(ApiErrorCode.INVALID_CURSOR, "cursor rejected");
    }
}
