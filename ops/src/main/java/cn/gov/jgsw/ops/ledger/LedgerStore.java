package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bureaus' Merkle logs in MongoDB:
 * <ul>
 *     <li>{@code ledger_nodes}: the hash of every complete subtree, {@code _id = tenant|level|index} (level 0: the
 *     leaves, {@code SM3(0x00 || event's SM3)}), so that a root or a proof is a logarithmic number of reads;</li>
 *     <li>{@code ledger_entries}: which leaf each event is, {@code _id = tenant|eventIdentifier};</li>
 *     <li>{@code ledger_sizes}: how many leaves each bureau's log holds.</li>
 * </ul>
 * Appends come in batches. A batch writes its nodes first, then its entries, then the sizes: each write is idempotent
 * and deterministic, so a batch cut short by a crash is redone whole when its events come again, and a size left
 * behind is carried forward on the next start ({@link #sizeOf}). The right edge of each log (the complete subtrees
 * still waiting for a sibling) is kept in memory, so an append reads nothing. One writer per bureau (the ledger's
 * event processor); readers see only the leaves below the size.
 */
public class LedgerStore {

    static final HashFunction HASH = HashFunction.SM3;

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> sizes;
    /** Per bureau: its size and the hashes of the complete subtrees on its right edge, by level. */
    private final Map<String, Edge> edges = new HashMap<>();

    public LedgerStore(MongoDatabase database) {
        this.nodes = database.getCollection("ledger_nodes");
        this.entries = database.getCollection("ledger_entries");
        this.sizes = database.getCollection("ledger_sizes");
    }

    /** Where an event stands in its bureau's log. */
    public record Entry(String tenantId, String eventIdentifier, long index, long position, String eventSm3,
                        Instant timestamp) {
    }

    /** An event to append: its bureau, id, position in the event log, SM3 and time. */
    public record Appended(String tenantId, String eventIdentifier, long position, String eventSm3,
                           Instant timestamp) {
    }

    private static final class Edge {
        long size;
        final Map<Integer, byte[]> pending = new HashMap<>();
    }

    /** Appends one event (see {@link #appendAll}); answers its entry. */
    public Entry append(String tenantId, String eventIdentifier, long position, String eventSm3, Instant timestamp) {
        appendAll(List.of(new Appended(tenantId, eventIdentifier, position, eventSm3, timestamp)));
        return entry(tenantId, eventIdentifier).orElseThrow();
    }

    /** Appends the events in the order given, each to its bureau's log, once: events already in a log are passed. */
    public synchronized void appendAll(List<Appended> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        entries.find(Filters.in("_id", events.stream().map(e -> e.tenantId() + "|" + e.eventIdentifier()).toList()))
                .forEach(found -> known.add(found.getString("_id")));
        List<WriteModel<Document>> nodeWrites = new ArrayList<>();
        List<WriteModel<Document>> entryWrites = new ArrayList<>();
        Map<String, Long> newSizes = new LinkedHashMap<>();
        for (Appended event : events) {
            String id = event.tenantId() + "|" + event.eventIdentifier();
            if (!known.add(id)) {
                continue;
            }
            Edge edge = edgeOf(event.tenantId());
            long index = edge.size;
            byte[] hash = MerkleTree.leafHash(HASH, Hashes.bytes(event.eventSm3()));
            nodeWrites.add(node(event.tenantId(), 0, index, hash));
            // The subtrees this leaf completes, with the left siblings the edge holds.
            int level = 0;
            long at = index;
            while ((at & 1) == 1) {
                hash = MerkleTree.nodeHash(HASH, edge.pending.remove(level), hash);
                level++;
                at >>= 1;
                nodeWrites.add(node(event.tenantId(), level, at, hash));
            }
            edge.pending.put(level, hash);
            edge.size = index + 1;
            entryWrites.add(new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id)
                    .append("tenantId", event.tenantId()).append("index", index)
                    .append("position", event.position()).append("eventSm3", event.eventSm3())
                    .append("timestamp", Date.from(event.timestamp())), new ReplaceOptions().upsert(true)));
            newSizes.put(event.tenantId(), index + 1);
        }
        if (entryWrites.isEmpty()) {
            return;
        }
        try {
            nodes.bulkWrite(nodeWrites);
            entries.bulkWrite(entryWrites);
            newSizes.forEach((tenant, size) -> sizes.updateOne(Filters.eq("_id", tenant), Updates.set("size", size),
                    new UpdateOptions().upsert(true)));
        } catch (RuntimeException failed) {
            // What is stored is unknown now: read the edges again from what is there.
            newSizes.keySet().forEach(edges::remove);
            throw failed;
        }
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

    /** The index of the bureau's first entry whose event happened at or after the instant. */
    public Optional<Long> firstIndexAtOrAfter(String tenantId, Instant at) {
        return Optional.ofNullable(entries.find(Filters.and(Filters.eq("tenantId", tenantId),
                        Filters.gte("timestamp", Date.from(at)))).sort(Sorts.ascending("index")).first())
                .map(found -> found.getLong("index"));
    }

    /** The bureau's entries from one index to another, both included, by index. */
    public List<Entry> entriesFromTo(String tenantId, long first, long last) {
        return entries.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.gte("index", first),
                        Filters.lte("index", last))).sort(Sorts.ascending("index"))
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
     * How many leaves the bureau's log holds. On first use after a start, a size left behind by a batch cut short
     * is carried forward over leaves whose entry was written.
     */
    public synchronized long sizeOf(String tenantId) {
        return edgeOf(tenantId).size;
    }

    private Edge edgeOf(String tenantId) {
        Edge known = edges.get(tenantId);
        if (known != null) {
            return known;
        }
        Document stored = sizes.find(Filters.eq("_id", tenantId)).first();
        long size = stored == null ? 0 : stored.getLong("size");
        while (nodes.find(Filters.eq("_id", nodeId(tenantId, 0, size))).first() != null
                && entries.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("index", size))).first()
                != null) {
            size++;
        }
        Edge edge = new Edge();
        edge.size = size;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if ((size >> level & 1) == 1) {
                edge.pending.put(level, nodeHash(tenantId, level, (size >> level) - 1));
            }
        }
        edges.put(tenantId, edge);
        return edge;
    }

    /** The bureau's log as a Merkle tree; ask it only about sizes up to {@link #sizeOf}. */
    public MerkleTree tree(String tenantId) {
        return new MerkleTree(HASH, (level, index) -> nodeHash(tenantId, level, index));
    }

    private byte[] nodeHash(String tenantId, int level, long index) {
        Document found = nodes.find(Filters.eq("_id", nodeId(tenantId, level, index))).first();
        if (found == null) {
            throw new IllegalStateException("ledger node " + nodeId(tenantId, level, index) + " missing");
        }
        return Hashes.bytes(found.getString("hash"));
    }

    private static WriteModel<Document> node(String tenantId, int level, long index, byte[] hash) {
        String id = nodeId(tenantId, level, index);
        return new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id).append("hash", Hashes.hex(hash)),
                new ReplaceOptions().upsert(true));
    }

    private static String nodeId(String tenantId, int level, long index) {
        return tenantId + "|" + level + "|" + index;
    }
}
