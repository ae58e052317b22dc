package cn.gov.jgsw.verifier;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence bundle ({@code jgsw-evidence/v1}) and prints a verdict:
 * <ol>
 *     <li>the newest tree head's SM2 signature, with the bundle's public key or, if given, the one obtained
 *     separately (which the bundle's must then be);</li>
 *     <li>every head signed in the period: its signature, and its consistency with the newest head;</li>
 *     <li>every entry from the period's first to its last, in index order without gaps: its event file present,
 *     hashing (SM3) to what the ledger holds, included under the newest head's root, of the bundle's bureau (events
 *     committed at the same moment may interleave, so an entry inside the range may lie a little outside the
 *     period);</li>
 *     <li>the neighbours before and after the period, the same way, outside the period: the period is whole;</li>
 *     <li>no stored event of the period that the ledger never included.</li>
 * </ol>
 * Usage: {@code java -jar jgsw-evidence-verifier.jar BUNDLE.zip [PUBLIC-KEY-FILE]}; exit 0 verified, 1 not, 2 unreadable.
 */
public final class EvidenceVerifier {

    private static final HashFunction SM3 = HashFunction.SM3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> files;
    private final Optional<String> trustedKey;
    private final List<String> checked = new ArrayList<>();

    private EvidenceVerifier(Map<String, byte[]> files, Optional<String> trustedKey) {
        this.files = files;
        this.trustedKey = trustedKey;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.out.println("usage: java -jar jgsw-evidence-verifier.jar BUNDLE.zip [PUBLIC-KEY-FILE]");
            System.exit(2);
        }
        Verdict verdict;
        try {
            Optional<String> key = args.length == 2
                    ? Optional.of(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).trim())
                    : Optional.empty();
            verdict = verify(Path.of(args[0]), key);
        } catch (IOException | RuntimeException unreadable) {
            System.out.println("UNREADABLE: " + unreadable.getMessage());
            System.exit(2);
            return;
        }
        verdict.checked().forEach(line -> System.out.println("  ok  " + line));
        System.out.println(verdict.verified() ? "VERIFIED: " + verdict.summary() : "FAILED: " + verdict.summary());
        System.exit(verdict.verified() ? 0 : 1);
    }

    /** Verifies the bundle; the key, if given, is the bureau's public key obtained separately (hex). */
    public static Verdict verify(Path bundle, Optional<String> trustedPublicKey) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return new EvidenceVerifier(files, trustedPublicKey.map(String::trim)).run();
    }

    private Verdict run() throws IOException {
        byte[] bundleFile = files.get("bundle.json");
        if (bundleFile == null) {
            return failed("bundle.json is missing");
        }
        JsonNode bundle = JSON.readTree(bundleFile);
        if (!"jgsw-evidence/v1".equals(bundle.path("format").asText())) {
            return failed("not an evidence bundle of format jgsw-evidence/v1");
        }
        String tenantId = bundle.path("tenantId").asText();
        Instant from = Instant.parse(bundle.path("from").asText());
        Instant to = Instant.parse(bundle.path("to").asText());

        JsonNode headNode = bundle.path("head");
        String key = headNode.path("publicKey").asText();
        if (trustedKey.isPresent() && !trustedKey.get().equalsIgnoreCase(key)) {
            return failed("the newest tree head is signed with a key other than the one you supplied");
        }
        Optional<String> headProblem = headProblem(headNode, tenantId, key);
        if (headProblem.isPresent()) {
            return failed("newest tree head: " + headProblem.get());
        }
        long size = headNode.path("size").asLong();
        byte[] root = Hashes.bytes(headNode.path("root").asText());
        checked.add("newest tree head of " + tenantId + ": " + size + " events, signed " + headNode.path("issuedAt")
                .asText() + " with key " + abbreviated(key));

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

        JsonNode entries = bundle.path("entries");
        long expected = -1;
        for (JsonNode entry : entries) {
            long index = entry.path("index").asLong();
            if (expected >= 0 && index != expected) {
                return failed("entry " + expected + " is missing from the bundle (the next one given is " + index
                        + ")");
            }
            Optional<String> problem = entryProblem(entry, tenantId, size, root);
            if (problem.isPresent()) {
                return failed("entry " + index + " (position " + entry.path("position").asLong() + "): "
                        + problem.get());
            }
            if (timestampOf(entry).isEmpty()) {
                return failed("entry " + index + ": its time cannot be read");
            }
            expected = index + 1;
        }
        checked.add(entries.size() + " events of the period: present, unaltered and included under the signed root");

        if (entries.size() > 0) {
            long first = entries.get(0).path("index").asLong();
            long last = entries.get(entries.size() - 1).path("index").asLong();
            Optional<String> whole = boundaryProblem(bundle.path("before"), first - 1, first > 0, tenantId, size,
                    root, at -> at.isBefore(from), "before");
            if (whole.isPresent()) {
                return failed(whole.get());
            }
            whole = boundaryProblem(bundle.path("after"), last + 1, last + 1 < size, tenantId, size, root,
                    at -> !at.isBefore(to), "after");
            if (whole.isPresent()) {
                return failed(whole.get());
            }
            checked.add("the period is whole: its neighbours in the ledger lie outside it");
        }

        for (JsonNode witness : bundle.path("witnesses")) {
            Optional<String> problem = witnessProblem(witness, tenantId, key, size, root);
            if (problem.isPresent()) {
                return failed(problem.get());
            }
        }

        JsonNode unledgered = bundle.path("unledgered");
        if (unledgered.size() > 0) {
            JsonNode first = unledgered.get(0);
            return failed("the stored event at position " + first.path("position").asLong() + " ("
                    + first.path("eventIdentifier").asText() + ") is not in the ledger: it did not come through the "
                    + "event store");
        }
        checked.add("no stored event of the period outside the ledger");
        return new Verdict(true, entries.size() + " events of " + tenantId + " from " + from + " to " + to
                + ", under the tree head of size " + size + " signed " + headNode.path("issuedAt").asText(), checked);
    }

    /**
     * A head of this bureau as its parent bureau witnessed it: the parent's head signed by the parent's key; the
     * witness event included under it; in the event, this bureau's head with this bureau's signature; and that head
     * consistent with this bureau's newest head.
     */
    private Optional<String> witnessProblem(JsonNode witness, String tenantId, String key, long size, byte[] root)
            throws IOException {
        String parent = witness.path("parentTenantId").asText();
        JsonNode parentHead = witness.path("parentHead");
        String parentKey = parentHead.path("publicKey").asText();
        Optional<String> headProblem = headProblem(parentHead, parent, parentKey);
        if (headProblem.isPresent()) {
            return Optional.of("the tree head of the parent bureau " + parent + ": " + headProblem.get());
        }
        byte[] event = files.get(witness.path("file").asText());
        if (event == null || !MerkleTree.verifyInclusion(SM3, witness.path("index").asLong(),
                parentHead.path("size").asLong(), MerkleTree.leafHash(SM3, SM3.hash(event)),
                hashes(witness.path("inclusionPath")), Hashes.bytes(parentHead.path("root").asText()))) {
            return Optional.of("the witness record in the parent bureau " + parent + "'s ledger is not included "
                    + "under its signed root");
        }
        JsonNode payload = JSON.readTree(event).path("payload");
        long witnessedSize = payload.path("size").asLong();
        TreeHead witnessed;
        try {
            witnessed = new TreeHead(tenantId, witnessedSize, payload.path("rootHex").asText(),
                    Instant.parse(payload.path("issuedAt").asText()));
        } catch (RuntimeException malformed) {
            return Optional.of("the witness record in " + parent + "'s ledger is not a head of " + tenantId);
        }
        if (!tenantId.equals(payload.path("childTenantId").asText()) || !Sm2Signatures.verify(
                payload.path("publicKeyHex").asText(), witnessed.signedBytes(),
                payload.path("signatureHex").asText())) {
            return Optional.of("the head witnessed by " + parent + " is not a signed head of " + tenantId);
        }
        if (!MerkleTree.verifyConsistency(SM3, witnessedSize, size, Hashes.bytes(witnessed.rootHex()), root,
                hashes(witness.path("consistencyToHead")))) {
            return Optional.of("the parent bureau " + parent + " witnessed this bureau's head of size "
                    + witnessedSize + " signed " + witnessed.issuedAt() + ", and the history no longer agrees with "
                    + "it: it was rewritten since");
        }
        checked.add("the head of size " + witnessedSize + " witnessed by the parent bureau " + parent + " (signed by "
                + abbreviated(parentKey) + ") is consistent with the newest head");
        if (!key.equalsIgnoreCase(payload.path("publicKeyHex").asText())) {
            checked.add("note: the witnessed head was signed with another key of " + tenantId + " than the newest");
        }
        return Optional.empty();
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
        byte[] event = file == null ? null : files.get(file);
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
                                             long size, byte[] root, java.util.function.Predicate<Instant> outside,
                                             String side) throws IOException {
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
