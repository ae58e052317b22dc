package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.LedgerKeys;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.verifier.EvidenceVerifier;
import cn.gov.jgsw.verifier.TrustedKeys;
import cn.gov.jgsw.verifier.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What someone who wants a record to vanish would do to a genuine bundle (issue 26), each refused by the verifier
 * with the province's key obtained outside the bundle: the period's events left out (its list emptied, or its range
 * shrunk), a zip that holds a forged file and the genuine one under one name, a file the bundle does not account for,
 * and the chain of witnesses cut off with the bureau passed off as having no parent. The genuine bundle verifies,
 * names the province as its anchor, and says which newest events only the bureau's own signature covers.
 */
class EditedBundlesIT extends PlatformIT {

    private static final String TONGZI = "bureau-tongzi";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private EvidenceExport export;
    @Autowired
    private LedgerStore ledger;
    @Autowired
    private TreeHeadSigner signer;

    private Path genuine;

    @BeforeEach
    void exportAPeriodOfTongzi() throws IOException {
        Instant from = Instant.now().minusSeconds(1);
        GraphQlClient clerk = Phones.of(baseUrl(), "tongzi.civil-servant");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(900).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        String orderId = null;
        for (int i = 0; i < 3; i++) {
            GraphQlClient.Response placed = clerk.execute(GraphQlClient.operation("OrderVehicle"), Map.of("input",
                    MutationInputs.withKey("purpose", "改包演练 " + i, "origin", "县局", "destination", "市局",
                            "plannedStart", start.plusDays(i).toString(),
                            "plannedEnd", start.plusDays(i).plusHours(1).toString(), "passengerCount", 1)));
            orderId = placed.data().at("/orderVehicle/order/id").asText();
        }
        String last = orderId;
        await().atMost(Duration.ofSeconds(30)).until(() -> platformDatabase.getCollection("event_log")
                .find(new Document("aggregateIdentifier", last)).into(new ArrayList<>()).stream()
                .allMatch(event -> ledger.entry(TONGZI, event.getString("eventIdentifier")).isPresent()));
        genuine = Files.createTempFile("tongzi-evidence-", ".zip");
        try (OutputStream out = Files.newOutputStream(genuine)) {
            export.write(TONGZI, from, Instant.now().plusSeconds(1), out);
        }
    }

    private Verdict verified(Path bundle) throws IOException {
        return EvidenceVerifier.verify(bundle, LedgerKeys.ofProvince(signer));
    }

    @Test
    void theGenuineBundleVerifiesUpToTheProvince() throws IOException {
        Verdict verdict = verified(genuine);

        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).contains("up to " + LedgerKeys.PROVINCE + ", whose key you supplied (fingerprint "
                + TrustedKeys.fingerprint(signer.publicKeyOf(LedgerKeys.PROVINCE)) + ")");
        assertThat(verdict.checked()).anyMatch(line -> line.contains("recorded in bureau-zunyi's ledger"))
                .anyMatch(line -> line.contains("recorded in " + LedgerKeys.PROVINCE + "'s ledger"));
    }

    @Test
    void aBundleWhoseEventsWereLeftOutIsRefusedEvenEmpty() throws IOException {
        Path emptied = edited(genuine, (bundle, files) -> {
            for (JsonNode entry : bundle.withArray("entries")) {
                files.remove(entry.path("file").asText());
            }
            bundle.putArray("entries");
        });
        Path shrunk = edited(genuine, (bundle, files) -> {
            for (JsonNode entry : bundle.withArray("entries")) {
                files.remove(entry.path("file").asText());
            }
            bundle.putArray("entries");
            ObjectNode leaves = (ObjectNode) bundle.path("leaves");
            leaves.put("end", leaves.path("first").asLong());
        });

        Verdict emptiedVerdict = verified(emptied);
        Verdict shrunkVerdict = verified(shrunk);

        assertThat(emptiedVerdict.verified()).isFalse();
        assertThat(emptiedVerdict.summary()).contains("and the bundle lists 0");
        assertThat(shrunkVerdict.verified()).isFalse();
        assertThat(shrunkVerdict.summary()).containsAnyOf("is missing from the bundle (after the period)",
                "the entry after the period (index");
    }

    @Test
    void aZipWithAForgedFileAndTheGenuineOneUnderOneNameIsRefused() throws IOException {
        Map<String, byte[]> files = read(genuine);
        String event = JSON.readTree(files.get("bundle.json")).path("entries").get(0).path("file").asText();
        Path twice = Files.createTempFile("twice-", ".zip");
        Files.write(twice, withAForgedCopyFirst(files, event));

        Verdict verdict = verified(twice);

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).contains("two files named " + event);
    }

    @Test
    void aFileTheBundleDoesNotAccountForIsRefused() throws IOException {
        Path extra = edited(genuine, (bundle, files) -> files.put("events/999999999999.json",
                "{\"tenantId\":\"bureau-tongzi\"}".getBytes(StandardCharsets.UTF_8)));

        Verdict verdict = verified(extra);

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).contains("does not account for: events/999999999999.json");
    }

    @Test
    void aBundlePassedOffAsHavingNoParentRestsOnNothingYouTrust() throws IOException {
        Path orphaned = edited(genuine, (bundle, files) -> {
            for (JsonNode link : bundle.withArray("witnessChain")) {
                files.remove(link.path("file").asText());
            }
            bundle.putArray("witnessChain");
            bundle.putNull("parentTenantId");
        });
        Path unwitnessed = edited(genuine, (bundle, files) -> {
            for (JsonNode link : bundle.withArray("witnessChain")) {
                files.remove(link.path("file").asText());
            }
            bundle.putArray("witnessChain");
        });

        Verdict orphanedVerdict = verified(orphaned);
        Verdict unwitnessedVerdict = verified(unwitnessed);

        assertThat(orphanedVerdict.verified()).isFalse();
        assertThat(orphanedVerdict.summary()).contains("no key you supplied vouches for this bundle: it rests on the "
                + "key of " + TONGZI);
        assertThat(unwitnessedVerdict.verified()).isFalse();
        assertThat(unwitnessedVerdict.summary()).contains("its own signature alone vouches for them");
    }

    @Test
    void withoutAnyKeyNothingIsVerifiedAndTheKeyNeededIsNamedByItsFingerprint() throws IOException {
        Verdict verdict = EvidenceVerifier.verify(genuine, TrustedKeys.none());

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).contains("supply " + LedgerKeys.PROVINCE + "'s ledger public key",
                TrustedKeys.fingerprint(signer.publicKeyOf(LedgerKeys.PROVINCE)), "(you supplied none)");
    }

    private interface Edit {
        void apply(ObjectNode bundle, Map<String, byte[]> files) throws IOException;
    }

    /** The bundle with its bundle.json and files changed, written again as a well-formed zip. */
    private static Path edited(Path bundle, Edit edit) throws IOException {
        Map<String, byte[]> files = read(bundle);
        ObjectNode json = (ObjectNode) JSON.readTree(files.get("bundle.json"));
        edit.apply(json, files);
        files.put("bundle.json", JSON.writeValueAsBytes(json));
        Path out = Files.createTempFile("edited-", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    private static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    /**
     * A zip of the files with a forged copy of one of them first, under the same name. The JDK's writer refuses a name
     * twice, so the forged copy is written under a name of the same length and renamed in the bytes (its local header
     * and the directory): the offsets stay right.
     */
    private static byte[] withAForgedCopyFirst(Map<String, byte[]> files, String name) throws IOException {
        String stand = name.substring(0, name.length() - 1) + "N";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(stand));
            zip.write(new String(files.get(name), StandardCharsets.UTF_8).replace("改包演练", "改包造假")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        String bytes = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(bytes.split(java.util.regex.Pattern.quote(stand), -1)).as("the name in two places").hasSize(3);
        return bytes.replace(stand, name).getBytes(StandardCharsets.ISO_8859_1);
    }
}
