package cn.gov.jgsw.verifier;

import cn.gov.jgsw.ledger.HashFunction;
import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's rules on bundles made here from scratch (the platform's own bundles are checked by the integration
 * tests): a county whose newest events its parent has not recorded yet, an empty period, a province on its own key.
 */
class EvidenceVerifierTest {

    private static final HashFunction SM3 = HashFunction.SM3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final Sm2Signatures.KeyPair countyKey = Sm2Signatures.newKeyPair(RANDOM);
    private final Sm2Signatures.KeyPair provinceKey = Sm2Signatures.newKeyPair(RANDOM);

    @TempDir
    Path directory;

    /** A bureau's log in memory: event files, one a minute from T0. */
    private record Log(String tenantId, List<byte[]> events) {
        MerkleTree tree() {
            List<byte[]> leaves = new ArrayList<>();
            events.forEach(event -> leaves.add(MerkleTree.leafHash(SM3, SM3.hash(event))));
            return new MerkleTree(SM3, MerkleTree.inMemory(SM3, leaves));
        }
    }

    private static byte[] event(String tenantId, int minute, Map<String, Object> payload) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("tenantId", tenantId);
        event.put("timestamp", T0.plusSeconds(60L * minute).toString());
        event.put("payload", payload);
        return JSON.writeValueAsBytes(event);
    }

    private static Log countyLog(int events) throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            files.add(event("bureau-county", i, Map.of("n", i)));
        }
        return new Log("bureau-county", files);
    }

    private static Map<String, Object> signed(Log log, long size, Sm2Signatures.KeyPair key, int minute) {
        TreeHead head = new TreeHead(log.tenantId(), size, Hashes.hex(log.tree().root(size)),
                T0.plusSeconds(60L * minute));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("signedText", head.signedText());
        node.put("size", size);
        node.put("root", head.rootHex());
        node.put("issuedAt", head.issuedAt().toString());
        node.put("publicKey", key.publicKeyHex());
        node.put("signature", Sm2Signatures.sign(key.privateKeyHex(), head.signedBytes(), RANDOM));
        return node;
    }

    private static Map<String, Object> entry(Log log, long index, long size, Map<String, byte[]> zip) {
        String file = "events/" + String.format("%012d", index) + ".json";
        zip.put(file, log.events().get((int) index));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", index);
        line.put("position", index);
        line.put("eventIdentifier", "e" + index);
        line.put("ledgerSm3", Hashes.hex(SM3.hash(log.events().get((int) index))));
        line.put("file", file);
        line.put("inclusionPath", Hashes.hex(log.tree().inclusionPath(index, size)));
        return line;
    }

    /**
     * A county bundle of the events of minutes [fromMinute, toMinute), whose head of {@code witnessed} events the
     * province (its parent here) recorded; the county's newest head covers all its events.
     */
    private Path countyBundle(Log county, int fromMinute, int toMinute, int witnessed) throws IOException {
        long size = county.events().size();
        Map<String, byte[]> zip = new LinkedHashMap<>();
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", EvidenceVerifier.FORMAT);
        bundle.put("tenantId", county.tenantId());
        bundle.put("parentTenantId", "bureau-province");
        bundle.put("from", T0.plusSeconds(60L * fromMinute).toString());
        bundle.put("to", T0.plusSeconds(60L * toMinute).toString());
        bundle.put("head", signed(county, size, countyKey, 1000));
        bundle.put("periodHeads", List.of());
        long first = Math.min(fromMinute, size);
        long end = Math.min(toMinute, size);
        bundle.put("leaves", Map.of("first", first, "end", end));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (long i = first; i < end; i++) {
            entries.add(entry(county, i, size, zip));
        }
        bundle.put("entries", entries);
        bundle.put("before", first > 0 ? entry(county, first - 1, size, zip) : null);
        bundle.put("after", end < size ? entry(county, end, size, zip) : null);
        bundle.put("unledgered", List.of());

        Map<String, Object> childHead = signed(county, witnessed, countyKey, 999);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("childTenantId", county.tenantId());
        payload.put("size", witnessed);
        payload.put("rootHex", childHead.get("root"));
        payload.put("issuedAt", childHead.get("issuedAt"));
        payload.put("publicKeyHex", childHead.get("publicKey"));
        payload.put("signatureHex", childHead.get("signature"));
        Log province = new Log("bureau-province", List.of(event("bureau-province", 0, Map.of("other", 1)),
                event("bureau-province", 1, payload)));
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("childTenantId", county.tenantId());
        link.put("childHead", childHead);
        link.put("consistencyToHead", Hashes.hex(county.tree().consistencyProof(witnessed, size)));
        link.put("parentTenantId", province.tenantId());
        link.put("parentHead", signed(province, 2, provinceKey, 1001));
        link.put("index", 1);
        link.put("file", "witnesses/bureau-province-000000000001.json");
        link.put("inclusionPath", Hashes.hex(province.tree().inclusionPath(1, 2)));
        zip.put("witnesses/bureau-province-000000000001.json", province.events().get(1));
        bundle.put("witnessChain", List.of(link));
        zip.put("public-key.txt", countyKey.publicKeyHex().getBytes(StandardCharsets.UTF_8));
        zip.put("bundle.json", JSON.writeValueAsBytes(bundle));
        return write(zip);
    }

    private Path write(Map<String, byte[]> files) throws IOException {
        Path bundle = Files.createTempFile(directory, "bundle-", ".zip");
        try (OutputStream out = Files.newOutputStream(bundle); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bundle;
    }

    private TrustedKeys province() {
        return TrustedKeys.of(Map.of("bureau-province", provinceKey.publicKeyHex()));
    }

    @Test
    void theNewestEventsItsParentHasNotRecordedAreNamedAsCoveredByTheBureausOwnSignatureOnly() throws IOException {
        Verdict verdict = EvidenceVerifier.verify(countyBundle(countyLog(10), 2, 5, 7), province());

        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).contains("3 events of bureau-county", "leaves 2 to 4",
                "recorded by its parent bureau bureau-province, whose key you supplied",
                "the last 3 events are covered by bureau-county's own signature only");
    }

    @Test
    void anEmptyPeriodIsProvenEmptyByTheLeavesBesideIt() throws IOException {
        Verdict verdict = EvidenceVerifier.verify(countyBundle(countyLog(10), 4, 4, 10), province());

        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).startsWith("0 events of bureau-county").doesNotContain("own signature only");
        assertThat(verdict.checked()).anyMatch(line -> line.contains("the period is whole"));
    }

    @Test
    void aKeyFileOfTheProvinceIsReadAndItsFingerprintIsTheSm3OfThePoint() throws IOException {
        Path keys = directory.resolve("keys.txt");
        Files.writeString(keys, "# the province's ledger key, read out on 2026-12-08\n"
                + "bureau-province " + provinceKey.publicKeyHex().toUpperCase() + "\n");

        Verdict verdict = EvidenceVerifier.verify(countyBundle(countyLog(6), 0, 6, 6), TrustedKeys.read(List.of(keys)));

        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(TrustedKeys.fingerprint(provinceKey.publicKeyHex())).hasSize(64 + 15)
                .isEqualTo(TrustedKeys.fingerprint(provinceKey.publicKeyHex().toUpperCase()))
                .startsWith(Hashes.hex(SM3.hash(Hashes.bytes(provinceKey.publicKeyHex()))).substring(0, 4) + " ");
    }

    @Test
    void theCountysOwnKeyAloneVouchesForNothing() throws IOException {
        Verdict verdict = EvidenceVerifier.verify(countyBundle(countyLog(6), 0, 6, 6),
                TrustedKeys.of(Map.of("bureau-county", countyKey.publicKeyHex())));

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).contains("it rests on the key of bureau-province");
    }

    @Test
    void aKeyForTheProvinceOtherThanTheOneThatSignedIsNamedWithBothFingerprints() throws IOException {
        String other = Sm2Signatures.newKeyPair(RANDOM).publicKeyHex();

        Verdict verdict = EvidenceVerifier.verify(countyBundle(countyLog(6), 0, 6, 6),
                TrustedKeys.of(Map.of("bureau-province", other)));

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).contains(TrustedKeys.fingerprint(provinceKey.publicKeyHex()),
                TrustedKeys.fingerprint(other));
    }
}
