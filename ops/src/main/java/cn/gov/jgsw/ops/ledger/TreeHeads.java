package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.TreeHead;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The signed tree heads of every bureau's ledger ({@code ledger_tree_heads}, one document per head, never changed).
 * A new head is signed when the log has grown since the last one: at every interval ({@link TreeHeadJob}) and on
 * demand. Each new head is then recorded in the parent bureau's history.
 */
public class TreeHeads {

    private final LedgerStore ledger;
    private final TreeHeadSigner signer;
    private final MongoCollection<Document> heads;
    private final Clock clock;
    private final Consumer<SignedTreeHead> witness;

    /** @param witness told of every new head, to have it recorded above ({@link ParentWitness}) */
    public TreeHeads(LedgerStore ledger, TreeHeadSigner signer, MongoDatabase database, Clock clock,
                     Consumer<SignedTreeHead> witness) {
        this.ledger = ledger;
        this.signer = signer;
        this.heads = database.getCollection("ledger_tree_heads");
        this.clock = clock;
        this.witness = witness;
    }

    /** Signs a head over the bureau's log as it is now, unless the newest head already covers it; answers the newest. */
    public synchronized SignedTreeHead issue(String tenantId) {
        long size = ledger.sizeOf(tenantId);
        Optional<SignedTreeHead> newest = newest(tenantId);
        if (newest.isPresent() && newest.get().head().size() == size) {
            return newest.get();
        }
        TreeHead head = new TreeHead(tenantId, size, Hashes.hex(ledger.tree(tenantId).root(size)),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        SignedTreeHead signed = signer.sign(head);
        String id = tenantId + "|" + size;
        heads.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("tenantId", tenantId)
                        .append("size", size).append("root", head.rootHex())
                        .append("issuedAt", Date.from(head.issuedAt()))
                        .append("publicKey", signed.publicKeyHex()).append("signature", signed.signatureHex()),
                new ReplaceOptions().upsert(true));
        witness.accept(signed);
        return signed;
    }

    public Optional<SignedTreeHead> newest(String tenantId) {
        return Optional.ofNullable(heads.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("size"))
                .first()).map(TreeHeads::signed);
    }

    /** The bureau's head of exactly that size, if one was signed. */
    public Optional<SignedTreeHead> ofSize(String tenantId, long size) {
        return Optional.ofNullable(heads.find(Filters.eq("_id", tenantId + "|" + size)).first())
                .map(TreeHeads::signed);
    }

    /** Every head of the bureau signed in the period, oldest first. */
    public List<SignedTreeHead> between(String tenantId, Instant from, Instant to) {
        return heads.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.gte("issuedAt", Date.from(from)),
                        Filters.lt("issuedAt", Date.from(to)))).sort(Sorts.ascending("size"))
                .map(TreeHeads::signed).into(new ArrayList<>());
    }

    private static SignedTreeHead signed(Document d) {
        return new SignedTreeHead(new TreeHead(d.getString("tenantId"), d.getLong("size"), d.getString("root"),
                d.getDate("issuedAt").toInstant()), d.getString("publicKey"), d.getString("signature"));
    }
}
