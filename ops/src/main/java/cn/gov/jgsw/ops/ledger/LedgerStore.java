package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bureaus' Merkle logs in MongoDB:
 * <ul>
 *     <li>{@code ledger_nodes}: the hash of every complete subtree, {@code _id = tenant|level|index} (level 0: the
 *     leaves, {@code SM3(0x00 || event's SM3)}), so that a root or a proof is a logarithmic number of reads;</li>
 *     <li>{@code ledger_entries}: which leaf each event is, {@code _id = tenant|eventIdentifier};</li>
 *     <li>{@code ledger_sizes}: how many leaves each bureau's log holds.</li>
 * </ul>
 * An append writes the nodes first, then the entry, then the size: each write is idempotent and deterministic, so an
 * append cut short by a crash is redone whole when the event comes again, and a size left behind is carried forward
 * on the next start ({@link #sizeOf}). One writer per bureau (the ledger's event processor); readers see only the
 * leaves below the size.
 */
public class LedgerStore {

    static final HashFunction HASH = HashFunction.SM3;

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> sizes;
    private final Map<String, Long> knownSizes = new ConcurrentHashMap<>();

    public LedgerStore(MongoDatabase database) {
        this.nodes = database.getCollection("ledger_nodes");
        this.entries = database.getCollection("ledger_entries");
        this.sizes = database.getCollection("ledger_sizes");
    }

    /** Where an event stands in its bureau's log. */
    public record Entry(String tenantId, String eventIdentifier, long index, long position, String eventSm3,
                        Instant timestamp) {
    }

    /**
     * Appends the event's hash to its bureau's log, once: an event already in the log answers its entry as it is.
     */
    public synchronized Entry append(String tenantId, String eventIdentifier, long position, String eventSm3,
                                     Instant timestamp) {
        Optional<Entry> known = entry(tenantId, eventIdentifier);
        if (known.isPresent()) {
            return known.get();
        }
        long index = sizeOf(tenantId);
        byte[] leaf = MerkleTree.leafHash(HASH, Hashes.bytes(eventSm3));
        putNode(tenantId, 0, index, leaf);
        // Every subtree this leaf completes: at each level where it is a right child.
        byte[] hash = leaf;
        long at = index;
        int level = 0;
        while ((at & 1) == 1) {
            byte[] left = node(tenantId, level, at - 1);
            hash = MerkleTree.nodeHash(HASH, left, hash);
            level++;
            at >>= 1;
            putNode(tenantId, level, at, hash);
        }
        entries.replaceOne(Filters.eq("_id", tenantId + "|" + eventIdentifier), new Document("_id",
                        tenantId + "|" + eventIdentifier).append("tenantId", tenantId).append("index", index)
                        .append("position", position).append("eventSm3", eventSm3)
                        .append("timestamp", Date.from(timestamp)),
                new ReplaceOptions().upsert(true));
        sizes.updateOne(Filters.eq("_id", tenantId), Updates.set("size", index + 1), new UpdateOptions().upsert(true));
        knownSizes.put(tenantId, index + 1);
        return new Entry(tenantId, eventIdentifier, index, position, eventSm3, timestamp);
    }

    public Optional<Entry> entry(String tenantId, String eventIdentifier) {
        Document found = entries.find(Filters.eq("_id", tenantId + "|" + eventIdentifier)).first();
        return Optional.ofNullable(found).map(LedgerStore::entry);
    }

    /** The bureau's entries whose events happened in the period, by index. */
    public List<Entry> entriesBetween(String tenantId, Instant from, Instant to) {
        return entries.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.gte("timestamp", Date.from(from)),
                        Filters.lt("timestamp", Date.from(to)))).sort(Sorts.ascending("index"))
                .map(LedgerStore::entry).into(new ArrayList<>());
    }

    /** The entry at an index of the bureau's log. */
    public Optional<Entry> entryAt(String tenantId, long index) {
        return Optional.ofNullable(entries.find(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("index", index))).first()).map(LedgerStore::entry);
    }

    private static Entry entry(Document d) {
        String id = d.getString("_id");
        Date timestamp = d.getDate("timestamp");
        return new Entry(d.getString("tenantId"), id.substring(id.indexOf('|') + 1), d.getLong("index"),
                d.getLong("position"), d.getString("eventSm3"), timestamp == null ? null : timestamp.toInstant());
    }

    /**
     * How many leaves the bureau's log holds. On first use after a start, a size left behind by an append cut short
     * is carried forward over leaves whose entry was written.
     */
    public long sizeOf(String tenantId) {
        return knownSizes.computeIfAbsent(tenantId, tenant -> {
            Document stored = sizes.find(Filters.eq("_id", tenant)).first();
            long size = stored == null ? 0 : stored.getLong("size");
            while (true) {
                Document leaf = nodes.find(Filters.eq("_id", nodeId(tenant, 0, size))).first();
                if (leaf == null || entries.find(Filters.and(Filters.eq("tenantId", tenant),
                        Filters.eq("index", size))).first() == null) {
                    return size;
                }
                size++;
            }
        });
    }

    /** The bureau's log as a Merkle tree; ask it only about sizes up to {@link #sizeOf}. */
    public MerkleTree tree(String tenantId) {
        return new MerkleTree(HASH, (level, index) -> node(tenantId, level, index));
    }

    private byte[] node(String tenantId, int level, long index) {
        Document found = nodes.find(Filters.eq("_id", nodeId(tenantId, level, index))).first();
        if (found == null) {
            throw new IllegalStateException("ledger node " + nodeId(tenantId, level, index) + " missing");
        }
        return Hashes.bytes(found.getString("hash"));
    }

    private void putNode(String tenantId, int level, long index, byte[] hash) {
        nodes.replaceOne(Filters.eq("_id", nodeId(tenantId, level, index)), new Document("_id",
                nodeId(tenantId, level, index)).append("hash", Hashes.hex(hash)), new ReplaceOptions().upsert(true));
    }

    private static String nodeId(String tenantId, int level, long index) {
        return tenantId + "|" + level + "|" + index;
    }
}
