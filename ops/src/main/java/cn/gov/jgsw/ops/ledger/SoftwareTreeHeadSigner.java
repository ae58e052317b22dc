package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;

/**
 * SM2 keys in software, one per bureau, kept in {@code ledger_signing_keys} (made on first use; the first writer wins
 * when two nodes race). The private keys are stored as made, like the token signing keys: wrapping them with a key
 * from the environment, or a signing device instead, is the next step (README, Security).
 */
public class SoftwareTreeHeadSigner implements TreeHeadSigner {

    private final MongoCollection<Document> keys;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SoftwareTreeHeadSigner(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection("ledger_signing_keys");
        this.clock = clock;
    }

    @Override
    public SignedTreeHead sign(TreeHead head) {
        Document key = keyOf(head.tenantId());
        return new SignedTreeHead(head, key.getString("publicKey"),
                Sm2Signatures.sign(key.getString("privateKey"), head.signedBytes(), random));
    }

    @Override
    public String publicKeyOf(String tenantId) {
        return keyOf(tenantId).getString("publicKey");
    }

    private Document keyOf(String tenantId) {
        Document key = keys.find(Filters.eq("_id", tenantId)).first();
        if (key != null) {
            return key;
        }
        Sm2Signatures.KeyPair pair = Sm2Signatures.newKeyPair(random);
        Document made = new Document("_id", tenantId).append("privateKey", pair.privateKeyHex())
                .append("publicKey", pair.publicKeyHex()).append("createdAt", Date.from(clock.instant()));
        try {
            keys.insertOne(made);
            return made;
        } catch (MongoWriteException raced) {
            if (raced.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw raced;
            }
            return keys.find(Filters.eq("_id", tenantId)).first();
        }
    }
}
