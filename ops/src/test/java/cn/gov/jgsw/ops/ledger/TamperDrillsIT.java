package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.domain.audit.api.ChildTreeHeadWitnessedEvent;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ledger.TreeHead;
import cn.gov.jgsw.ops.eventstore.EventLogStorageEngine;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.LedgerKeys;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.verifier.EvidenceVerifier;
import cn.gov.jgsw.verifier.TrustedKeys;
import cn.gov.jgsw.verifier.Verdict;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tamper drills: the stored MongoDB documents are edited the way someone with access to the database would, then the
 * period is exported and verified by the offline verifier. Each drill is detected and names the first bad entry; an
 * untouched bundle verifies, in process and as its own jar in its own JVM. Every edit is undone afterwards, since the
 * platform is shared with the other tests. The period is one of 遵义's own making: orders placed by this test.
 */
class TamperDrillsIT extends PlatformIT {

    private static final String ZUNYI = "bureau-zunyi";

    @Autowired
    private EvidenceExport export;
    @Autowired
    private LedgerStore ledger;
    @Autowired
    private TreeHeads treeHeads;
    @Autowired
    private TreeHeadSigner signer;
    @Autowired
    private StoredEvents storedEvents;

    private Instant from;
    private Instant to;
    private List<Document> period;

    private MongoCollection<Document> eventLog() {
        return platformDatabase.getCollection(EventLogStorageEngine.EVENT_LOG);
    }

    @BeforeEach
    void makeAPeriod() {
        from = Instant.now().minusSeconds(1);
        GraphQlClient clerk = Phones.of(baseUrl(), "zunyi.civil-servant");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(800).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        for (int i = 0; i < 4; i++) {
            GraphQlClient.Response placed = clerk.execute(GraphQlClient.operation("OrderVehicle"), Map.of("input",
                    MutationInputs.withKey("purpose", "证据演练 " + i, "origin", "市局", "destination", "县局",
                            "plannedStart", start.plusDays(i).toString(),
                            "plannedEnd", start.plusDays(i).plusHours(1).toString(), "passengerCount", 1)));
            assertThat(placed.hasErrors()).as(placed.body().toString()).isFalse();
        }
        period = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            period.clear();
            eventLog().find(Filters.eq("tenantId", ZUNYI)).sort(Sorts.ascending("_id")).into(new ArrayList<>())
                    .stream().filter(event -> !Instant.parse(event.getString("timestamp")).isBefore(from))
                    .forEach(period::add);
            return period.size() >= 8 && period.stream().allMatch(event ->
                    ledger.entry(ZUNYI, event.getString("eventIdentifier")).isPresent());
        });
        to = Instant.now().plusSeconds(1);
    }

    private Path exported() throws IOException {
        Path bundle = Files.createTempFile("evidence-", ".zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            export.write(ZUNYI, from, to, out);
        }
        return bundle;
    }

    private Verdict verified() throws IOException {
        return EvidenceVerifier.verify(exported(), LedgerKeys.ofProvince(signer));
    }

    private long indexOf(Document event) {
        return ledger.entry(ZUNYI, event.getString("eventIdentifier")).orElseThrow().index();
    }

    @Test
    void anUntouchedBundleVerifiesInProcessAndAsItsOwnJar() throws Exception {
        Verdict verdict = verified();
        assertThat(verdict.verified()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).contains(period.size() + " events of bureau-zunyi");

        Path bundle = exported();
        Path key = Files.createTempFile("province-ledger-key", ".txt");
        Files.writeString(key, LedgerKeys.PROVINCE + " " + signer.publicKeyOf(LedgerKeys.PROVINCE) + "\n");
        Path jar = Path.of("..", "verifier", "target", "jgsw-evidence-verifier.jar").toAbsolutePath().normalize();
        assertThat(jar).as("built by the verifier module before this one").exists();
        Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), bundle.toString(), key.toString()).redirectErrorStream(true).start();
        String printed = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verifier.exitValue()).as(printed).isZero();
        assertThat(printed).contains("VERIFIED: " + period.size() + " events of bureau-zunyi");
    }

    @Test
    void oneChangedByteOfOneStoredEventIsFound() throws Exception {
        Document event = period.get(2);
        String timestamp = event.getString("timestamp");
        // One digit of the seconds: a plausible time, one byte apart.
        char second = timestamp.charAt(18);
        String altered = timestamp.substring(0, 18) + (second == '9' ? '8' : (char) (second + 1))
                + timestamp.substring(19);
        try {
            eventLog().updateOne(Filters.eq("_id", event.getLong("_id")), Updates.set("timestamp", altered));
            Verdict verdict = verified();
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.summary()).startsWith("entry " + indexOf(event) + " ").contains("altered");
        } finally {
            eventLog().replaceOne(Filters.eq("_id", event.getLong("_id")), event);
        }
    }

    @Test
    void theNewestEventDeletedIsFound() throws Exception {
        deletedAndFound(period.get(period.size() - 1));
    }

    @Test
    void anEventDeletedInTheMiddleIsFound() throws Exception {
        deletedAndFound(period.get(period.size() / 2));
    }

    private void deletedAndFound(Document event) throws IOException {
        try {
            eventLog().deleteOne(Filters.eq("_id", event.getLong("_id")));
            Verdict verdict = verified();
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.summary()).startsWith("entry " + indexOf(event) + " ").contains("missing");
        } finally {
            eventLog().replaceOne(Filters.eq("_id", event.getLong("_id")), event,
                    new ReplaceOptions().upsert(true));
        }
    }

    @Test
    void twoEventsSwappedAreFound() throws Exception {
        Document first = period.get(1);
        Document second = period.get(3);
        try {
            // In three writes, as the unique (aggregate, sequence) index allows no moment with both at once.
            eventLog().deleteOne(Filters.eq("_id", first.getLong("_id")));
            eventLog().replaceOne(Filters.eq("_id", second.getLong("_id")), new Document(first)
                    .append("_id", second.getLong("_id")));
            eventLog().insertOne(new Document(second).append("_id", first.getLong("_id")));
            Verdict verdict = verified();
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.summary()).startsWith("entry " + indexOf(first) + " ").contains("altered");
        } finally {
            eventLog().deleteMany(Filters.in("_id", first.getLong("_id"), second.getLong("_id")));
            eventLog().insertMany(List.of(first, second));
        }
    }

    /**
     * A forged event of 遵义, dated in the period, put where the ledger has passed: into the slot of another bureau's
     * event.
     */
    @Test
    void aForgedEventInsertedIntoTheHistoryIsFound() throws Exception {
        // An event the ledger has included already, so that its processor never meets the forgery.
        Document slot = eventLog().find(Filters.ne("tenantId", ZUNYI)).sort(Sorts.descending("_id")).limit(200)
                .into(new ArrayList<>()).stream()
                .filter(event -> ledger.entry(event.getString("tenantId"), event.getString("eventIdentifier"))
                        .isPresent())
                .findFirst().orElse(null);
        assertThat(slot).as("another bureau's event, in the ledger").isNotNull();
        Document forged = new Document(period.get(0)).append("_id", slot.getLong("_id"))
                .append("eventIdentifier", "forged-" + slot.getLong("_id"))
                .append("aggregateIdentifier", "forged-order").append("aggregateSequence", "forged-order#0");
        try {
            eventLog().replaceOne(Filters.eq("_id", slot.getLong("_id")), forged);
            Verdict verdict = verified();
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.summary()).contains("position " + slot.getLong("_id"), "is not in the ledger");
        } finally {
            eventLog().replaceOne(Filters.eq("_id", slot.getLong("_id")), slot);
        }
    }

    @Test
    void aReplacedSignedHeadIsFound() throws Exception {
        MongoCollection<Document> heads = platformDatabase.getCollection("ledger_tree_heads");
        exported();
        Document newest = heads.find(Filters.eq("tenantId", ZUNYI)).sort(Sorts.descending("size")).first();
        try {
            heads.updateOne(Filters.eq("_id", newest.getString("_id")), Updates.set("root", "00".repeat(32)));
            Verdict verdict = verified();
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.summary()).startsWith("newest tree head: ").contains("signature");

            // Re-signed with a key of the attacker's own: caught by the key obtained separately.
            Sm2Signatures.KeyPair attacker = Sm2Signatures.newKeyPair(new SecureRandom());
            TreeHead forged = new TreeHead(ZUNYI, newest.getLong("size"), "00".repeat(32),
                    newest.getDate("issuedAt").toInstant());
            heads.updateOne(Filters.eq("_id", newest.getString("_id")), Updates.combine(
                    Updates.set("publicKey", attacker.publicKeyHex()),
                    Updates.set("signature", Sm2Signatures.sign(attacker.privateKeyHex(), forged.signedBytes(),
                            new SecureRandom()))));
            Verdict withKey = EvidenceVerifier.verify(exported(), TrustedKeys.of(Map.of(ZUNYI,
                    newest.getString("publicKey"), LedgerKeys.PROVINCE, signer.publicKeyOf(LedgerKeys.PROVINCE))));
            assertThat(withKey.verified()).isFalse();
            assertThat(withKey.summary()).contains("not with the key you supplied for it");
        } finally {
            heads.replaceOne(Filters.eq("_id", newest.getString("_id")), newest);
        }
        assertThat(verified().verified()).as("restored").isTrue();
    }

    /**
     * Someone with the database and the bureau's key rewrites 遵义's history and its ledger, and re-signs its heads:
     * the bundle then agrees with itself, but not with the head of 遵义 that 贵州 recorded in its own ledger, whether
     * the person checking trusts 贵州's key or 遵义's own.
     */
    @Test
    void aChildsHistoryRewrittenWithItsOwnHeadsIsExposedByWhatTheParentWitnessed() throws Exception {
        String parent = "bureau-guizhou";
        SignedTreeHead witnessed = treeHeads.issue(ZUNYI);
        String witnessType = ChildTreeHeadWitnessedEvent.class.getName();
        await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents.positionsOf(parent, witnessType,
                        "childTenantId", ZUNYI).stream().map(position -> storedEvents.at(position).orElseThrow())
                .anyMatch(event -> ledger.entry(parent, event.eventIdentifier()).isPresent()
                        && storedEvents.payloadLongAt(event.position(), "size").orElse(-1L)
                        == witnessed.head().size()));
        Verdict honest = verified();
        assertThat(honest.verified()).as(honest.summary()).isTrue();
        assertThat(honest.checked()).anyMatch(line -> line.contains("is recorded in " + parent + "'s ledger"));

        Document event = period.get(1);
        Map<String, List<Document>> backup = ledgerDocumentsOf(ZUNYI);
        try {
            String timestamp = event.getString("timestamp");
            char second = timestamp.charAt(18);
            eventLog().updateOne(Filters.eq("_id", event.getLong("_id")), Updates.set("timestamp",
                    timestamp.substring(0, 18) + (second == '9' ? '8' : (char) (second + 1)) + timestamp.substring(19)));
            eventLog().updateOne(Filters.eq("_id", event.getLong("_id")), Updates.set("sm3",
                    storedEvents.at(event.getLong("_id")).orElseThrow().recomputedSm3()));
            deleteLedgerDocumentsOf(ZUNYI);
            LedgerStore rebuilt = new LedgerStore(platformDatabase);
            for (StoredEvents.StoredEvent stored : storedEvents.ofTenantFrom(ZUNYI, 0)) {
                rebuilt.append(ZUNYI, stored.eventIdentifier(), stored.position(), stored.recomputedSm3(),
                        Instant.parse(stored.timestamp()));
            }
            new TreeHeads(rebuilt, signer, platformDatabase, Clock.systemUTC(), head -> { })
                    .issue(ZUNYI);

            Verdict verdict = verified();
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.summary()).contains("the parent bureau " + parent + " recorded",
                    "size " + witnessed.head().size(), "rewritten");
            // Re-signed with 遵义's own key: that key, supplied alone, vouches for nothing its parent contradicts.
            Verdict withItsOwnKey = EvidenceVerifier.verify(exported(), TrustedKeys.of(Map.of(ZUNYI,
                    signer.publicKeyOf(ZUNYI))));
            assertThat(withItsOwnKey.verified()).isFalse();
            assertThat(withItsOwnKey.summary()).contains("rewritten");
        } finally {
            eventLog().replaceOne(Filters.eq("_id", event.getLong("_id")), event);
            deleteLedgerDocumentsOf(ZUNYI);
            backup.forEach((collection, documents) -> {
                if (!documents.isEmpty()) {
                    platformDatabase.getCollection(collection).insertMany(documents);
                }
            });
        }
        assertThat(verified().verified()).as("restored").isTrue();
    }

    private static final List<String> LEDGER_COLLECTIONS = List.of("ledger_nodes", "ledger_entries", "ledger_sizes",
            "ledger_tree_heads");

    private static Bson ofTenant(String collection, String tenantId) {
        return switch (collection) {
            case "ledger_nodes" -> Filters.regex("_id", "^" + Pattern.quote(tenantId + "|"));
            case "ledger_sizes" -> Filters.eq("_id", tenantId);
            default -> Filters.eq("tenantId", tenantId);
        };
    }

    private Map<String, List<Document>> ledgerDocumentsOf(String tenantId) {
        Map<String, List<Document>> documents = new HashMap<>();
        for (String collection : LEDGER_COLLECTIONS) {
            documents.put(collection, platformDatabase.getCollection(collection).find(ofTenant(collection, tenantId))
                    .into(new ArrayList<>()));
        }
        return documents;
    }

    private void deleteLedgerDocumentsOf(String tenantId) {
        for (String collection : LEDGER_COLLECTIONS) {
            platformDatabase.getCollection(collection).deleteMany(ofTenant(collection, tenantId));
        }
    }
}
