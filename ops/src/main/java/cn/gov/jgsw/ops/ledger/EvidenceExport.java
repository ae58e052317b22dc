package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.domain.audit.api.ChildTreeHeadWitnessedEvent;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.projections.audit.api.EvidenceBundles;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import cn.gov.jgsw.tenants.api.TenantView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * nothing else (ADR 0012, {@code docs/evidence-bundle.md}). It holds
 * <ul>
 *     <li>{@code events/<index>.json}: each event's canonical form, byte for byte, as stored now;</li>
 *     <li>{@code bundle.json}: the scope; a fresh signed tree head of the bureau's log and the heads signed in the
 *     period, each with its consistency proof to the fresh one; for every entry of the period its index, position,
 *     the hash the ledger holds and its inclusion proof; the entries just before and after the period, with theirs,
 *     so that the period is provably whole; any stored event of the bureau the ledger never included; and the
 *     newest of its heads its parent bureau witnessed, with the proofs that take it to the parent's signed root and
 *     to this bureau's newest head;</li>
 *     <li>{@code public-key.txt}, and {@code README.txt} in plain words for a court.</li>
 * </ul>
 * The bundle is written from what is stored, whatever it is: an event altered or deleted after its append is
 * exported as it is now (or as missing), and it is the verifier that finds it out.
 */
public class EvidenceExport implements EvidenceBundles {

    public static final String FORMAT = "jgsw-evidence/v1";

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
        // The period's events, and every entry between its first and last: events committed at the same moment can
        // interleave in the log by a few milliseconds, and the range must be whole to be proven so.
        List<LedgerStore.Entry> inPeriod = ledger.entriesBetween(tenantId, from, to).stream()
                .filter(entry -> entry.index() < size).toList();
        List<LedgerStore.Entry> entries = inPeriod.isEmpty() ? List.of() : ledger.entriesFromTo(tenantId,
                inPeriod.get(0).index(), inPeriod.get(inPeriod.size() - 1).index());
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("format", FORMAT);
            bundle.put("tenantId", tenantId);
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
            List<Map<String, Object>> lines = new ArrayList<>();
            for (LedgerStore.Entry entry : entries) {
                lines.add(entry(zip, tenantId, entry, tree, size));
            }
            bundle.put("entries", lines);
            long first = entries.isEmpty() ? -1 : entries.get(0).index();
            long last = entries.isEmpty() ? -1 : entries.get(entries.size() - 1).index();
            bundle.put("before", first > 0 ? boundary(zip, tenantId, first - 1, tree, size) : null);
            bundle.put("after", last >= 0 && last + 1 < size ? boundary(zip, tenantId, last + 1, tree, size) : null);
            bundle.put("unledgered", unledgered(zip, tenantId, entries, from, to));
            bundle.put("witnesses", witnesses(zip, tenantId, size, tree));
            put(zip, "public-key.txt", (head.publicKeyHex() + "\n").getBytes(StandardCharsets.UTF_8));
            put(zip, "bundle.json", json.writeValueAsBytes(bundle));
            put(zip, "README.txt", readme());
        }
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
     * The newest of the bureau's heads that its parent bureau witnessed and its parent's ledger includes: the witness
     * event, its inclusion under a fresh signed head of the parent, and this bureau's consistency proof from the
     * witnessed head to the newest one. A province has no parent; then the list is empty.
     */
    private List<Map<String, Object>> witnesses(ZipOutputStream zip, String tenantId, long size, MerkleTree tree)
            throws IOException {
        Optional<String> parent = tenants.findTenant(tenantId).map(TenantView::parentId);
        if (parent.isEmpty()) {
            return List.of();
        }
        SignedTreeHead parentHead = treeHeads.issue(parent.get());
        List<Long> positions = storedEvents.positionsOf(parent.get(), ChildTreeHeadWitnessedEvent.class.getName(),
                "childTenantId", tenantId);
        for (int i = positions.size() - 1; i >= 0; i--) {
            Optional<StoredEvents.StoredEvent> event = storedEvents.at(positions.get(i));
            Optional<LedgerStore.Entry> entry = event.flatMap(found -> ledger.entry(parent.get(),
                    found.eventIdentifier()));
            Optional<Long> witnessedSize = event.flatMap(found -> storedEvents.payloadLongAt(found.position(),
                    "size"));
            if (entry.isEmpty() || witnessedSize.isEmpty() || entry.get().index() >= parentHead.head().size()
                    || witnessedSize.get() > size) {
                continue;
            }
            String file = "witnesses/" + parent.get() + "-" + String.format("%012d", entry.get().index()) + ".json";
            put(zip, file, storedEvents.canonicalFormAt(entry.get().position()).orElseThrow());
            Map<String, Object> witness = new LinkedHashMap<>();
            witness.put("parentTenantId", parent.get());
            witness.put("parentHead", head(parentHead));
            witness.put("index", entry.get().index());
            witness.put("file", file);
            witness.put("inclusionPath", Hashes.hex(ledger.tree(parent.get()).inclusionPath(entry.get().index(),
                    parentHead.head().size())));
            witness.put("consistencyToHead", Hashes.hex(tree.consistencyProof(witnessedSize.get(), size)));
            return List.of(witness);
        }
        return List.of();
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
