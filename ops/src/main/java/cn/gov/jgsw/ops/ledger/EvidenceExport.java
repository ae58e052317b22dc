package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.domain.audit.api.ChildTreeHeadWitnessedEvent;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.projections.audit.api.EvidenceBundles;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import cn.gov.jgsw.tenants.api.TenantView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence bundle (证据包) of a bureau's events in a period: a zip a court checks with the offline verifier and
 * nothing else (ADR 0012, ADR 0025, {@code docs/evidence-bundle.md}). It holds
 * <ul>
 *     <li>{@code events/<index>.json}: each event's canonical form, byte for byte, as stored now;</li>
 *     <li>{@code bundle.json}: the scope; a fresh signed tree head of the bureau's log and the heads signed in the
 *     period, each with its consistency proof to the fresh one; the period's leaves as a range of indices, and for
 *     every one of them its position, the hash the ledger holds and its inclusion proof; the leaves just before and
 *     after the range, with theirs, so that the period is provably whole (an empty one too); any stored event of the
 *     bureau the ledger never included; and the chain of witnesses up the hierarchy: the bureau's head recorded in
 *     its parent's ledger under the parent's signed head, that head recorded in the grandparent's, and so on to the
 *     province;</li>
 *     <li>{@code public-key.txt}, and {@code README.txt} in plain words for a court.</li>
 * </ul>
 * The export asks for the witnesses it needs: each head it signs is recorded by the parent at once, and it waits (a
 * little) until the parent's ledger includes that record before signing the parent's head over it. Where it cannot
 * wait, the first level falls back to the newest head of the bureau its parent already witnessed, and the verifier
 * says which of the newest events only the bureau's own signature covers.
 * The bundle is written from what is stored, whatever it is: an event altered or deleted after its append is
 * exported as it is now (or as missing), and it is the verifier that finds it out.
 */
public class EvidenceExport implements EvidenceBundles {

    public static final String FORMAT = "jgsw-evidence/v2";
    /** How long an export waits for a parent's ledger to include the record of a child's head. */
    static final Duration WITNESS_WAIT = Duration.ofSeconds(10);

    private final LedgerStore ledger;
    private final TreeHeads treeHeads;
    private final StoredEvents storedEvents;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvidenceExport(LedgerStore ledger, TreeHeads treeHeads, StoredEvents storedEvents, TenantDirectory tenants,
                          Clock clock) {
        this.ledger = ledger;
        this.treeHeads = treeHeads;
        this.storedEvents = storedEvents;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public void write(String tenantId, Instant from, Instant to, OutputStream out) throws IOException {
        SignedTreeHead head = treeHeads.issue(tenantId);
        long size = head.head().size();
        MerkleTree tree = ledger.tree(tenantId);
        Leaves leaves = leavesOf(tenantId, from, to, size);
        List<LedgerStore.Entry> entries = leaves.isEmpty() ? List.of()
                : ledger.entriesFromTo(tenantId, leaves.first(), leaves.end() - 1);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("format", FORMAT);
            bundle.put("tenantId", tenantId);
            bundle.put("parentTenantId", parentOf(tenantId).orElse(null));
            bundle.put("from", from.toString());
            bundle.put("to", to.toString());
            bundle.put("exportedAt", clock.instant().toString());
            bundle.put("hash", "SM3 (GB/T 32905-2016)");
            bundle.put("leafHash", "SM3(0x00 || SM3(event file bytes))");
            bundle.put("nodeHash", "SM3(0x01 || left || right)");
            bundle.put("signature", Map.of("algorithm", "SM2 with SM3 (GB/T 32918.2-2016)",
                    "userId", Sm2Signatures.USER_ID, "encoding", "DER SEQUENCE {r, s}, hex",
                    "publicKey", "uncompressed point 04 || x || y, hex", "signedText", "head.signedText, UTF-8"));
            bundle.put("head", head(head));
            List<Map<String, Object>> periodHeads = new ArrayList<>();
            for (SignedTreeHead earlier : treeHeads.between(tenantId, from, to)) {
                if (earlier.head().size() <= size && earlier.head().size() > 0) {
                    Map<String, Object> line = head(earlier);
                    line.put("consistencyToHead", Hashes.hex(tree.consistencyProof(earlier.head().size(), size)));
                    periodHeads.add(line);
                }
            }
            bundle.put("periodHeads", periodHeads);
            bundle.put("leaves", Map.of("first", leaves.first(), "end", leaves.end()));
            List<Map<String, Object>> lines = new ArrayList<>();
            for (LedgerStore.Entry entry : entries) {
                lines.add(entry(zip, tenantId, entry, tree, size));
            }
            bundle.put("entries", lines);
            bundle.put("before", leaves.first() > 0 ? boundary(zip, tenantId, leaves.first() - 1, tree, size) : null);
            bundle.put("after", leaves.end() < size ? boundary(zip, tenantId, leaves.end(), tree, size) : null);
            bundle.put("unledgered", unledgered(zip, tenantId, entries, from, to));
            bundle.put("witnessChain", witnessChain(zip, head, tree));
            put(zip, "public-key.txt", (head.publicKeyHex() + "\n").getBytes(StandardCharsets.UTF_8));
            put(zip, "bundle.json", json.writeValueAsBytes(bundle));
            put(zip, "README.txt", readme());
        }
    }

    /** The period's leaves: indices {@code [first, end)}; an empty period is the empty range where it would stand. */
    record Leaves(long first, long end) {
        boolean isEmpty() {
            return first == end;
        }
    }

    /**
     * From the first leaf whose event happened in the period to the last one: events committed at the same moment can
     * interleave in the log by a few milliseconds, so a leaf inside the range may lie a little outside the period, and
     * the range must be whole to be proven so. With no event in the period, the range is empty and stands before the
     * first leaf at or after its start.
     */
    private Leaves leavesOf(String tenantId, Instant from, Instant to, long size) {
        List<LedgerStore.Entry> inPeriod = ledger.entriesBetween(tenantId, from, to).stream()
                .filter(entry -> entry.index() < size).toList();
        if (!inPeriod.isEmpty()) {
            return new Leaves(inPeriod.get(0).index(), inPeriod.get(inPeriod.size() - 1).index() + 1);
        }
        long at = ledger.firstIndexAtOrAfter(tenantId, from).filter(index -> index < size).orElse(size);
        return new Leaves(at, at);
    }

    private static Map<String, Object> head(SignedTreeHead signed) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("signedText", signed.head().signedText());
        head.put("size", signed.head().size());
        head.put("root", signed.head().rootHex());
        head.put("issuedAt", signed.head().issuedAt().toString());
        head.put("publicKey", signed.publicKeyHex());
        head.put("signature", signed.signatureHex());
        return head;
    }

    private Map<String, Object> entry(ZipOutputStream zip, String tenantId, LedgerStore.Entry entry, MerkleTree tree,
                                      long size) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", entry.index());
        line.put("position", entry.position());
        line.put("eventIdentifier", entry.eventIdentifier());
        line.put("ledgerSm3", entry.eventSm3());
        Optional<byte[]> event = storedEvents.canonicalFormAt(entry.position());
        String file = "events/" + String.format("%012d", entry.index()) + ".json";
        if (event.isPresent()) {
            put(zip, file, event.get());
            line.put("file", file);
        } else {
            line.put("file", null);
        }
        line.put("inclusionPath", Hashes.hex(tree.inclusionPath(entry.index(), size)));
        return line;
    }

    private Map<String, Object> boundary(ZipOutputStream zip, String tenantId, long index, MerkleTree tree, long size)
            throws IOException {
        Optional<LedgerStore.Entry> entry = ledger.entryAt(tenantId, index);
        if (entry.isEmpty()) {
            return Map.of("index", index, "missing", true);
        }
        return entry(zip, tenantId, entry.get(), tree, size);
    }

    /**
     * The chain of witnesses from the bureau up to the province: at each level a child's head, the record of it in the
     * parent's ledger, and the parent's signed head that includes the record; the parent's head is the child's head of
     * the next level. Ends where a bureau has no parent, or where a parent's record cannot be had.
     */
    private List<Map<String, Object>> witnessChain(ZipOutputStream zip, SignedTreeHead newest, MerkleTree tree)
            throws IOException {
        List<Map<String, Object>> levels = new ArrayList<>();
        SignedTreeHead childHead = newest;
        Set<String> climbed = new HashSet<>();
        while (climbed.add(childHead.head().tenantId())) {
            String child = childHead.head().tenantId();
            Optional<String> parent = parentOf(child);
            if (parent.isEmpty()) {
                break;
            }
            Optional<Witness> witness = awaitWitness(parent.get(), child, childHead.head().size());
            if (witness.isEmpty() && levels.isEmpty()) {
                witness = newestWitness(parent.get(), child, childHead.head().size());
            }
            if (witness.isEmpty()) {
                break;
            }
            SignedTreeHead parentHead = treeHeads.issue(parent.get());
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("childTenantId", child);
            level.put("childHead", head(witness.get().childHead()));
            if (levels.isEmpty()) {
                level.put("consistencyToHead", Hashes.hex(tree.consistencyProof(
                        witness.get().childHead().head().size(), newest.head().size())));
            }
            String file = "witnesses/" + parent.get() + "-" + String.format("%012d", witness.get().entry().index())
                    + ".json";
            put(zip, file, storedEvents.canonicalFormAt(witness.get().entry().position()).orElseThrow());
            level.put("parentTenantId", parent.get());
            level.put("parentHead", head(parentHead));
            level.put("index", witness.get().entry().index());
            level.put("file", file);
            level.put("inclusionPath", Hashes.hex(ledger.tree(parent.get()).inclusionPath(
                    witness.get().entry().index(), parentHead.head().size())));
            levels.add(level);
            childHead = parentHead;
        }
        return levels;
    }

    /** A child's head as its parent recorded it, and where the parent's ledger holds the record. */
    private record Witness(SignedTreeHead childHead, LedgerStore.Entry entry) {
    }

    /** The parent's record of the child's head of that size, once the parent's ledger includes it; waits a little. */
    private Optional<Witness> awaitWitness(String parent, String child, long size) {
        long deadline = System.nanoTime() + WITNESS_WAIT.toNanos();
        long pause = 20;
        while (true) {
            Optional<Witness> found = witnesses(parent, child).stream()
                    .filter(witness -> witness.childHead().head().size() == size).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    /** The newest head of the child, of at most that size, whose record the parent's ledger includes. */
    private Optional<Witness> newestWitness(String parent, String child, long atMost) {
        return witnesses(parent, child).stream().filter(witness -> witness.childHead().head().size() <= atMost)
                .findFirst();
    }

    /** The parent's records of the child's heads that its ledger includes, newest first. */
    private List<Witness> witnesses(String parent, String child) {
        List<Long> positions = storedEvents.positionsOf(parent, ChildTreeHeadWitnessedEvent.class.getName(),
                "childTenantId", child);
        List<Witness> found = new ArrayList<>();
        for (int i = positions.size() - 1; i >= 0; i--) {
            Optional<StoredEvents.StoredEvent> event = storedEvents.at(positions.get(i));
            Optional<LedgerStore.Entry> entry = event.flatMap(stored -> ledger.entry(parent, stored.eventIdentifier()));
            Optional<SignedTreeHead> head = storedEvents.canonicalFormAt(positions.get(i)).flatMap(this::witnessedHead);
            if (entry.isPresent() && head.isPresent()) {
                found.add(new Witness(head.get(), entry.get()));
            }
        }
        return found;
    }

    private Optional<SignedTreeHead> witnessedHead(byte[] canonicalForm) {
        try {
            JsonNode payload = json.readTree(canonicalForm).path("payload");
            return Optional.of(new SignedTreeHead(new TreeHead(payload.path("childTenantId").asText(),
                    payload.path("size").asLong(), payload.path("rootHex").asText(),
                    Instant.parse(payload.path("issuedAt").asText())), payload.path("publicKeyHex").asText(),
                    payload.path("signatureHex").asText()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<String> parentOf(String tenantId) {
        return tenants.findTenant(tenantId).map(TenantView::parentId);
    }

    /** Stored events of the bureau in the period that the ledger never included, though it has passed them. */
    private List<Map<String, Object>> unledgered(ZipOutputStream zip, String tenantId, List<LedgerStore.Entry> entries,
                                                 Instant from, Instant to) throws IOException {
        Set<String> included = new HashSet<>();
        entries.forEach(entry -> included.add(entry.eventIdentifier()));
        long newestIncluded = ledger.sizeOf(tenantId) == 0 ? -1 : ledger.entryAt(tenantId,
                ledger.sizeOf(tenantId) - 1).map(LedgerStore.Entry::position).orElse(-1L);
        List<Map<String, Object>> found = new ArrayList<>();
        for (StoredEvents.StoredEventHeader event : storedEvents.headersOfTenantUpTo(tenantId, newestIncluded)) {
            // A time that does not even parse is listed: the verifier will say what is wrong with it.
            Optional<Instant> at = parsed(event.timestamp());
            if (at.isPresent() && (at.get().isBefore(from) || !at.get().isBefore(to))
                    || included.contains(event.eventIdentifier())
                    || ledger.entry(tenantId, event.eventIdentifier()).isPresent()) {
                continue;
            }
            String file = "unledgered/" + String.format("%012d", event.position()) + ".json";
            put(zip, file, storedEvents.canonicalFormAt(event.position()).orElseThrow());
            found.add(Map.of("position", event.position(), "eventIdentifier", event.eventIdentifier(),
                    "file", file));
        }
        return found;
    }

    private static Optional<Instant> parsed(String timestamp) {
        try {
            return Optional.of(Instant.parse(timestamp));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] readme() throws IOException {
        try (InputStream in = EvidenceExport.class.getResourceAsStream("/ledger/evidence-README.txt")) {
            if (in == null) {
                throw new IllegalStateException("the bundle's README is missing from the platform");
            }
            return in.readAllBytes();
        }
    }
}
