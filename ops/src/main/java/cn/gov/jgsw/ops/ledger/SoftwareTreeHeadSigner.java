package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import cn.gov.jgsw.tenants.api.SecretSealer;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SM2 keys in software, one per bureau, kept in {@code ledger_signing_keys} (made on first use; the first writer wins
 * when two nodes race). A private key is stored only sealed ({@link SecretSealer}, ADR 0024); keys an earlier version
 * stored in clear are sealed at the first start, and stay the bureau's keys. A certified signing device may replace
 * this class behind {@link TreeHeadSigner}.
 */
public class SoftwareTreeHeadSigner implements TreeHeadSigner {

    static final String COLLECTION = "ledger_signing_keys";
    private static final String PRIVATE_KEY = "privateKey";

    private static final Logger log = LoggerFactory.getLogger(SoftwareTreeHeadSigner.class);

    private final MongoCollection<Document> keys;
    private final SecretSealer sealer;
    private final SecureRandom random = new SecureRandom();
    /** The public keys of the sealed private keys, by bureau: what the stored public key must be. */
    private final Map<String, String> signingKeys = new ConcurrentHashMap<>();
    private final Clock clock;

    public SoftwareTreeHeadSigner(MongoDatabase database, SecretSealer sealer, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.sealer = sealer;
        this.clock = clock;
        sealer.migrateClearSecretsOnce(COLLECTION, this::sealClearKeys);
    }

    @Override
    public SignedTreeHead sign(TreeHead head) {
        Document key = keyOf(head.tenantId());
        return new SignedTreeHead(head, key.getString("publicKey"),
                Sm2Signatures.sign(privateKeyOf(head.tenantId(), key), head.signedBytes(), random));
    }

    @Override
    public String publicKeyOf(String tenantId) {
        return keyOf(tenantId).getString("publicKey");
    }

    @Override
    public String signingKeyOf(String tenantId) {
        return signingKeys.computeIfAbsent(tenantId, tenant -> Sm2Signatures.publicKeyOf(privateKeyOf(tenant,
                keyOf(tenant))));
    }

    private String privateKeyOf(String tenantId, Document key) {
        String sealed = key.getString(PRIVATE_KEY);
        if (!sealer.isSealed(sealed)) {
            throw sealer.refuseClear(COLLECTION, tenantId);
        }
        return new String(sealer.open(context(tenantId), sealed), StandardCharsets.US_ASCII);
    }

    private Document keyOf(String tenantId) {
        Document key = keys.find(Filters.eq("_id", tenantId)).first();
        if (key != null) {
            return key;
        }
        Sm2Signatures.KeyPair pair = Sm2Signatures.newKeyPair(random);
        Document made = new Document("_id", tenantId)
                .append(PRIVATE_KEY, sealer.seal(context(tenantId),
                        pair.privateKeyHex().getBytes(StandardCharsets.US_ASCII)))
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

    /**
     * Keys an earlier version stored in clear: sealed in place, so that each bureau keeps its key and its earlier heads
     * and its parent's witnesses of them verify. Copies of the data taken before hold them in clear; replacing a
     * bureau's ledger key needs a key transition its old key signs and its parent witnesses, which does not exist yet
     * (ADR 0024), so the operator is told.
     */
    private void sealClearKeys() {
        int sealed = 0;
        for (Document key : keys.find()) {
            String privateKey = key.getString(PRIVATE_KEY);
            if (privateKey != null && !sealer.isSealed(privateKey)) {
                String tenantId = key.getString("_id");
                keys.updateOne(Filters.eq("_id", tenantId), Updates.set(PRIVATE_KEY,
                        sealer.seal(context(tenantId), privateKey.getBytes(StandardCharsets.US_ASCII))));
                sealed++;
            }
        }
        if (sealed > 0) {
            log.warn("Sealed {} bureaus' ledger keys an earlier version stored in clear. They stay the bureaus' keys; "
                    + "copies of the data taken before this start hold them: destroy those copies (ADR 0024)", sealed);
        }
    }

    private static String context(String tenantId) {
        return COLLECTION + "/" + tenantId + "/" + PRIVATE_KEY;
    }
}
