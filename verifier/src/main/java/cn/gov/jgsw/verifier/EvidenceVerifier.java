package cn.gov.jgsw.verifier;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks an evidence bundle ({@code jgsw-evidence/v2}) and prints a verdict (ADR 0025, {@code docs/evidence-bundle.md}):
 * <ol>
 *     <li>the zip: each file once, its directory and its contents alike, nothing in it that the bundle does not
 *     refer to;</li>
 *     <li>the bureau's newest tree head and every head signed in the period: SM2 signatures, and the period's heads
 *     consistent with the newest;</li>
 *     <li>the period, whole: its events are exactly the ledger's leaves of the stated range, in order, each once,
 *     each file hashing (SM3) to what the ledger holds and included under the newest root; the leaves just before
 *     and after the range lie outside the period; an empty period is proven empty the same way;</li>
 *     <li>no stored event of the period that the ledger never included;</li>
 *     <li>trust from outside the bundle: the bureau's head recorded in its parent's ledger under the parent's signed
 *     head, and so on up to a bureau whose key the person checking supplied; only the province, which has no parent,
 *     may rest on its own key. The newest events that no parent has recorded yet are named as covered by the
 *     bureau's own signature only.</li>
 * </ol>
 * Usage: {@code java -jar jgsw-evidence-verifier.jar BUNDLE.zip KEY-FILE...}; exit 0 verified, 1 not, 2 unreadable.
 */
public final class EvidenceVerifier {

    public static final String FORMAT = "jgsw-evidence/v2";

    private static final HashFunction SM3 = HashFunction.SM3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleFiles files;
    private final TrustedKeys trusted;
    private final List<String> checked = new ArrayList<>();
    private final Set<String> referred = new HashSet<>(Set.of("bundle.json", "README.txt", "public-key.txt"));

    private EvidenceVerifier(BundleFiles files, TrustedKeys trusted) {
        this.files = files;
        this.trusted = trusted;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.out.println("usage: java -jar jgsw-evidence-verifier.jar BUNDLE.zip KEY-FILE...");
            System.out.println("  a KEY-FILE holds lines '<bureau id> <ledger public key, hex>' you obtained outside");
            System.out.println("  the bundle: the province's key is enough for any of its bureaus");
            System.exit(2);
        }
        Verdict verdict;
        try {
            List<Path> keyFiles = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                keyFiles.add(Path.of(args[i]));
            }
            verdict = verify(Path.of(args[0]), TrustedKeys.read(keyFiles));
        } catch (IOException | RuntimeException unreadable) {
            System.out.println("UNREADABLE: " + unreadable.getMessage());
            System.exit(2);
            return;
        }
        verdict.checked().forEach(line -> System.out.println("  ok  " + line));
        System.out.println(verdict.verified() ? "VERIFIED: " + verdict.summary() : "FAILED: " + verdict.summary());
        System.exit(verdict.verified() ? 0 : 1);
    }

    /** Verifies the bundle against the keys the person checking it trusts. */
    public static Verdict verify(Path bundle, TrustedKeys trusted) throws IOException {
        BundleFiles.Result read = BundleFiles.read(bundle);
        if (read.files().isEmpty()) {
            return new Verdict(false, read.refusal(), List.of());
        }
        return new EvidenceVerifier(read.files().get(), trusted).run();
    }

    private Verdict run() throws IOException {
        byte[] bundleFile = files.get("bundle.json");
        if (bundleFile == null) {
            return failed("bundle.json is missing");
        }
        JsonNode bundle = JSON.readTree(bundleFile);
        String format = bundle.path("format").asText();
        if ("jgsw-evidence/v1".equals(format)) {
            return failed("a bundle of format jgsw-evidence/v1 cannot show that it holds every event of its period, "
                    + "nor take its parents' keys from you: export it again");
        }
        if (!FORMAT.equals(format)) {
            return failed("not an evidence bundle of format " + FORMAT);
        }
        String tenantId = bundle.path("tenantId").asText();
        Instant from = Instant.parse(bundle.path("from").asText());
        Instant to = Instant.parse(bundle.path("to").asText());

        JsonNode headNode = bundle.path("head");
        String key = headNode.path("publicKey").asText();
        Optional<String> headProblem = headProblem(headNode, tenantId, key);
        if (headProblem.isPresent()) {
            return failed("newest tree head: " + headProblem.get());
        }
        Optional<String> ownSupplied = trusted.of(tenantId, tenantId);
        if (ownSupplied.isPresent() && !ownSupplied.get().equalsIgnoreCase(key)) {
            return failed("the newest tree head of " + tenantId + " is signed with the key of fingerprint "
                    + TrustedKeys.fingerprint(key) + ", not with the key you supplied for it (fingerprint "
                    + TrustedKeys.fingerprint(ownSupplied.get()) + ")");
        }
        long size = headNode.path("size").asLong();
        byte[] root = Hashes.bytes(headNode.path("root").asText());
        checked.add("newest tree head of " + tenantId + ": " + size + " events, signed " + headNode.path("issuedAt")
                .asText() + " with the key of fingerprint " + TrustedKeys.fingerprint(key));

        for (JsonNode earlier : bundle.path("periodHeads")) {
            String label = "tree head of size " + earlier.path("size").asLong() + " signed "
                    + earlier.path("issuedAt").asText();
            Optional<String> problem = headProblem(earlier, tenantId, key);
            if (problem.isPresent()) {
                return failed(label + ": " + problem.get());
            }
            if (!MerkleTree.verifyConsistency(SM3, earlier.path("size").asLong(), size,
                    Hashes.bytes(earlier.path("root").asText()), root, hashes(earlier.path("consistencyToHead")))) {
                return failed(label + ": not consistent with the newest head: the history was rewritten since");
            }
            checked.add(label + ": signed, and consistent with the newest head");
        }

        Optional<String> periodProblem = periodProblem(bundle, tenantId, from, to, size, root);
        if (periodProblem.isPresent()) {
            return failed(periodProblem.get());
        }

        JsonNode unledgered = bundle.path("unledgered");
        if (unledgered.size() > 0) {
            JsonNode first = unledgered.get(0);
            return failed("the stored event at position " + first.path("position").asLong() + " ("
                    + first.path("eventIdentifier").asText() + ") is not in the ledger: it did not come through the "
                    + "event store");
        }
        checked.add("no stored event of the period outside the ledger");

        Trust trust = new Trust();
        Optional<String> trustProblem = trustProblem(bundle, tenantId, key, size, root, trust);
        if (trustProblem.isPresent()) {
            return failed(trustProblem.get());
        }
        unledgered.forEach(line -> referred.add(line.path("file").asText()));
        Optional<String> unexpected = files.unexpected(referred);
        if (unexpected.isPresent()) {
            return failed("the bundle holds a file it does not account for: " + unexpected.get());
        }

        JsonNode leaves = bundle.path("leaves");
        long first = leaves.path("first").asLong();
        long end = leaves.path("end").asLong();
        String summary = (end - first) + " events of " + tenantId + " from " + from + " to " + to
                + (end > first ? " (leaves " + first + " to " + (end - 1) + " of its ledger)"
                : " (none: the ledger's leaves next to where they would stand lie outside it)")
                + ", under its tree head of size " + size + " signed " + headNode.path("issuedAt").asText()
                + "; " + trust.anchor;
        if (trust.witnessedSize < size) {
            long unwitnessed = size - trust.witnessedSize;
            summary += "; the last " + unwitnessed + (unwitnessed == 1 ? " event is" : " events are")
                    + " covered by " + tenantId + "'s own signature only: no parent bureau has recorded them yet";
        }
        return new Verdict(true, summary, checked);
    }

    /**
     * The period, whole: the entries are exactly the leaves {@code [first, end)} in order; the leaf before lies before
     * the period and the leaf after it after the period, so no leaf of the period is left out, an empty period too.
     */
    private Optional<String> periodProblem(JsonNode bundle, String tenantId, Instant from, Instant to, long size,
                                           byte[] root) throws IOException {
        JsonNode leaves = bundle.path("leaves");
        if (!leaves.path("first").canConvertToLong() || !leaves.path("end").canConvertToLong()) {
            return Optional.of("the bundle does not state the range of its period's leaves");
        }
        long first = leaves.path("first").asLong();
        long end = leaves.path("end").asLong();
        if (first < 0 || end < first || end > size) {
            return Optional.of("the range of leaves " + first + " to " + end + " does not lie in a ledger of " + size
                    + " events");
        }
        JsonNode entries = bundle.path("entries");
        if (entries.size() != end - first) {
            return Optional.of("the period's leaves are " + first + " to " + (end - 1) + " (" + (end - first)
                    + " events), and the bundle lists " + entries.size());
        }
        long expected = first;
        for (JsonNode entry : entries) {
            long index = entry.path("index").asLong();
            if (index != expected) {
                return Optional.of("entry " + expected + " is missing from the bundle (the next one given is "
                        + index + "): leaves are listed once each, in order");
            }
            Optional<String> problem = entryProblem(entry, tenantId, size, root);
            if (problem.isPresent()) {
                return Optional.of("entry " + index + " (position " + entry.path("position").asLong() + "): "
                        + problem.get());
            }
            if (timestampOf(entry).isEmpty()) {
                return Optional.of("entry " + index + ": its time cannot be read");
            }
            expected = index + 1;
        }
        checked.add(entries.size() + " events of the period: present, unaltered and included under the signed root");
        Optional<String> whole = boundaryProblem(bundle.path("before"), first - 1, first > 0, tenantId, size, root,
                at -> at.isBefore(from), "before");
        if (whole.isEmpty()) {
            whole = boundaryProblem(bundle.path("after"), end, end < size, tenantId, size, root,
                    at -> !at.isBefore(to), "after");
        }
        if (whole.isPresent()) {
            return whole;
        }
        checked.add("the period is whole: leaves " + first + " to " + (end - 1) + ", and the ledger's leaves next "
                + "to them lie outside it");
        return Optional.empty();
    }

    /** What the verdict rests on, found while following the chain of witnesses. */
    private static final class Trust {
        String anchor;
        long witnessedSize;
    }

    /**
     * Trust from keys the person checking supplied. A bureau with a parent rests on its parent's record of its head,
     * that record on the parent's signed head, and so on up to a bureau whose supplied key signed the head; only a
     * bureau without a parent (a province) rests on its own supplied key. The bureau's key in the bundle is never
     * trusted for its own sake.
     */
    private Optional<String> trustProblem(JsonNode bundle, String tenantId, String key, long size, byte[] root,
                                          Trust trust) throws IOException {
        Optional<String> ownSupplied = trusted.of(tenantId, tenantId);
        JsonNode chain = bundle.path("witnessChain");
        String parent = bundle.path("parentTenantId").isTextual() ? bundle.path("parentTenantId").asText() : null;
        if (chain.size() == 0) {
            if (parent != null) {
                return Optional.of("no record of " + tenantId + "'s heads in its parent bureau " + parent + "'s "
                        + "ledger: its own signature alone vouches for them, and whoever holds its key can forge that");
            }
            if (ownSupplied.isEmpty()) {
                return Optional.of(noAnchor(tenantId, key));
            }
            trust.anchor = "signed with the key you supplied for " + tenantId + ", which has no parent bureau "
                    + "(fingerprint " + TrustedKeys.fingerprint(key) + ")";
            trust.witnessedSize = size;
            checked.add("the key of " + tenantId + " is the one you supplied (fingerprint "
                    + TrustedKeys.fingerprint(key) + ")");
            return Optional.empty();
        }
        JsonNode previousParentHead = null;
        for (int level = 0; level < chain.size(); level++) {
            JsonNode link = chain.get(level);
            String child = link.path("childTenantId").asText();
            JsonNode childHead = link.path("childHead");
            if (level == 0) {
                if (!tenantId.equals(child)) {
                    return Optional.of("the chain of witnesses does not start at " + tenantId);
                }
                if (parent == null || !parent.equals(link.path("parentTenantId").asText())) {
                    return Optional.of("the chain of witnesses does not go to " + tenantId + "'s parent " + parent);
                }
                Optional<String> problem = headProblem(childHead, child, childHead.path("publicKey").asText());
                if (problem.isPresent()) {
                    return Optional.of("the head of " + child + " its parent recorded: " + problem.get());
                }
                long witnessedSize = childHead.path("size").asLong();
                if (!MerkleTree.verifyConsistency(SM3, witnessedSize, size,
                        Hashes.bytes(childHead.path("root").asText()), root, hashes(link.path("consistencyToHead")))) {
                    return Optional.of("the parent bureau " + parent + " recorded " + tenantId + "'s head of size "
                            + witnessedSize + " signed " + childHead.path("issuedAt").asText() + ", and the history "
                            + "no longer agrees with it: it was rewritten since");
                }
                trust.witnessedSize = witnessedSize;
                if (!key.equalsIgnoreCase(childHead.path("publicKey").asText())) {
                    checked.add("note: the head its parent recorded was signed with another key of " + tenantId
                            + " (fingerprint " + TrustedKeys.fingerprint(childHead.path("publicKey").asText()) + ")");
                }
            } else if (!sameHead(childHead, previousParentHead)
                    || !child.equals(chain.get(level - 1).path("parentTenantId").asText())) {
                return Optional.of("the chain of witnesses breaks at " + child + ": the head recorded above is not the "
                        + "one that holds the record below");
            }
            Optional<String> problem = witnessProblem(link);
            if (problem.isPresent()) {
                return problem;
            }
            String witness = link.path("parentTenantId").asText();
            JsonNode parentHead = link.path("parentHead");
            String parentKey = parentHead.path("publicKey").asText();
            checked.add("the head of " + child + " of size " + childHead.path("size").asLong() + " is recorded in "
                    + witness + "'s ledger under its head of size " + parentHead.path("size").asLong()
                    + ", signed with the key of fingerprint " + TrustedKeys.fingerprint(parentKey));
            Optional<String> supplied = trusted.of(witness, tenantId);
            if (supplied.isPresent()) {
                if (!supplied.get().equalsIgnoreCase(parentKey)) {
                    return Optional.of("the head of " + witness + " is signed with the key of fingerprint "
                            + TrustedKeys.fingerprint(parentKey) + ", not with the key you supplied for it "
                            + "(fingerprint " + TrustedKeys.fingerprint(supplied.get()) + ")");
                }
                if (trust.anchor == null) {
                    trust.anchor = "recorded by " + (level == 0 ? "its parent bureau " : "the bureaus above it, up to ")
                            + witness + ", whose key you supplied (fingerprint " + TrustedKeys.fingerprint(parentKey)
                            + ")";
                }
            }
            previousParentHead = parentHead;
        }
        if (trust.anchor != null) {
            return Optional.empty();
        }
        JsonNode top = chain.get(chain.size() - 1);
        return Optional.of(noAnchor(top.path("parentTenantId").asText(),
                top.path("parentHead").path("publicKey").asText()));
    }

    private String noAnchor(String bureau, String key) {
        return "no key you supplied vouches for this bundle: it rests on the key of " + bureau + " (fingerprint "
                + TrustedKeys.fingerprint(key) + "); supply " + bureau + "'s ledger public key, or a key of a bureau "
                + "above it, obtained outside this bundle"
                + (trusted.isEmpty() ? " (you supplied none)" : "");
    }

    /**
     * One level of the chain: the parent's head signed by its key; the record (an event of the parent) included under
     * it; and the record stating exactly the child's head, with the child's valid signature.
     */
    private Optional<String> witnessProblem(JsonNode link) throws IOException {
        String child = link.path("childTenantId").asText();
        String parent = link.path("parentTenantId").asText();
        JsonNode parentHead = link.path("parentHead");
        Optional<String> headProblem = headProblem(parentHead, parent, parentHead.path("publicKey").asText());
        if (headProblem.isPresent()) {
            return Optional.of("the tree head of " + parent + ": " + headProblem.get());
        }
        String file = link.path("file").asText();
        referred.add(file);
        byte[] event = files.get(file);
        if (event == null || !MerkleTree.verifyInclusion(SM3, link.path("index").asLong(),
                parentHead.path("size").asLong(), MerkleTree.leafHash(SM3, SM3.hash(event)),
                hashes(link.path("inclusionPath")), Hashes.bytes(parentHead.path("root").asText()))) {
            return Optional.of("the record of " + child + "'s head in " + parent + "'s ledger is not included under "
                    + parent + "'s signed root");
        }
        JsonNode record = JSON.readTree(event);
        JsonNode payload = record.path("payload");
        JsonNode childHead = link.path("childHead");
        if (!parent.equals(record.path("tenantId").asText()) || !child.equals(payload.path("childTenantId").asText())
                || payload.path("size").asLong() != childHead.path("size").asLong()
                || !payload.path("rootHex").asText().equals(childHead.path("root").asText())
                || !payload.path("issuedAt").asText().equals(childHead.path("issuedAt").asText())
                || !payload.path("publicKeyHex").asText().equalsIgnoreCase(childHead.path("publicKey").asText())
                || !payload.path("signatureHex").asText().equalsIgnoreCase(childHead.path("signature").asText())) {
            return Optional.of("the record in " + parent + "'s ledger is not the head of " + child + " it is given "
                    + "for");
        }
        Optional<String> childProblem = headProblem(childHead, child, childHead.path("publicKey").asText());
        if (childProblem.isPresent()) {
            return Optional.of("the head of " + child + " recorded by " + parent + ": " + childProblem.get());
        }
        return Optional.empty();
    }

    private static boolean sameHead(JsonNode a, JsonNode b) {
        return b != null && a.path("size").asLong() == b.path("size").asLong()
                && a.path("root").asText().equals(b.path("root").asText())
                && a.path("issuedAt").asText().equals(b.path("issuedAt").asText())
                && a.path("publicKey").asText().equalsIgnoreCase(b.path("publicKey").asText())
                && a.path("signature").asText().equalsIgnoreCase(b.path("signature").asText());
    }

    private static Optional<String> headProblem(JsonNode head, String tenantId, String key) {
        TreeHead expected;
        try {
            expected = new TreeHead(tenantId, head.path("size").asLong(), head.path("root").asText(),
                    Instant.parse(head.path("issuedAt").asText()));
        } catch (RuntimeException malformed) {
            return Optional.of("malformed");
        }
        if (!expected.signedText().equals(head.path("signedText").asText())) {
            return Optional.of("its signed text does not state its size, root, time and bureau");
        }
        if (!key.equalsIgnoreCase(head.path("publicKey").asText())) {
            return Optional.of("signed with another key than the newest head");
        }
        if (!Sm2Signatures.verify(key, expected.signedBytes(), head.path("signature").asText())) {
            return Optional.of("the SM2 signature does not verify");
        }
        return Optional.empty();
    }

    private Optional<String> entryProblem(JsonNode entry, String tenantId, long size, byte[] root)
            throws IOException {
        String file = entry.path("file").isTextual() ? entry.path("file").asText() : null;
        referred.add(file);
        byte[] event = files.get(file);
        if (event == null) {
            return Optional.of("the event is missing: the ledger holds it, the store no longer does");
        }
        String sm3 = Hashes.hex(SM3.hash(event));
        if (!sm3.equals(entry.path("ledgerSm3").asText())) {
            return Optional.of("the event was altered: its SM3 is " + abbreviated(sm3) + ", the ledger holds "
                    + abbreviated(entry.path("ledgerSm3").asText()));
        }
        if (!MerkleTree.verifyInclusion(SM3, entry.path("index").asLong(), size,
                MerkleTree.leafHash(SM3, Hashes.bytes(sm3)), hashes(entry.path("inclusionPath")), root)) {
            return Optional.of("not included under the signed root at this index");
        }
        JsonNode parsed = JSON.readTree(event);
        if (!tenantId.equals(parsed.path("tenantId").asText())) {
            return Optional.of("an event of another bureau");
        }
        return Optional.empty();
    }

    private Optional<String> boundaryProblem(JsonNode boundary, long index, boolean required, String tenantId,
                                             long size, byte[] root, Predicate<Instant> outside, String side)
            throws IOException {
        if (!required) {
            return Optional.empty();
        }
        if (boundary.isMissingNode() || boundary.isNull()) {
            return Optional.of("the entry " + side + " the period (index " + index + ") is not given: the period "
                    + "cannot be shown whole");
        }
        if (boundary.path("index").asLong() != index) {
            return Optional.of("entry " + index + " is missing from the bundle (" + side + " the period)");
        }
        Optional<String> problem = entryProblem(boundary, tenantId, size, root);
        if (problem.isPresent()) {
            return Optional.of("entry " + index + " (" + side + " the period): " + problem.get());
        }
        Optional<Instant> at = timestampOf(boundary);
        if (at.isEmpty() || !outside.test(at.get())) {
            return Optional.of("entry " + index + " lies inside the period but is not in the bundle's list");
        }
        return Optional.empty();
    }

    private Optional<Instant> timestampOf(JsonNode entry) throws IOException {
        byte[] event = files.get(entry.path("file").asText());
        try {
            return Optional.of(Instant.parse(JSON.readTree(event).path("timestamp").asText()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static List<byte[]> hashes(JsonNode list) {
        List<byte[]> out = new ArrayList<>();
        list.forEach(node -> out.add(Hashes.bytes(node.asText())));
        return out;
    }

    private static String abbreviated(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }

    private Verdict failed(String why) {
        return new Verdict(false, why, checked);
    }
}
