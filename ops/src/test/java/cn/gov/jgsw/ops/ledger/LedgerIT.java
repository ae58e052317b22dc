package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ops.eventstore.EventLogStorageEngine;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger of the running platform: every stored event of a bureau is in its Merkle log, once; a signed tree head verifies with the bureau's SM2 key; an inclusion proof takes an event to the head's
 * root; a later head is consistent with an earlier one; and a stored event altered after its append no longer
 * matches its hash.
 */
class LedgerIT extends PlatformIT {

    private static final String NANMING = "bureau-nanming";

    @Autowired
    private LedgerStore ledger;
    @Autowired
    private TreeHeads treeHeads;
    @Autowired
    private StoredEvents storedEvents;

    private MongoCollection<Document> eventLog() {
        return platformDatabase.getCollection(EventLogStorageEngine.EVENT_LOG);
    }

    /** The bureau's stored events, in the order of the log, once the ledger has included all of them. */
    private List<Document> includedEvents(String tenantId) {
        List<Document> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            events.clear();
            eventLog().find(Filters.and(Filters.eq("tenantId", tenantId), Filters.ne("tombstone", true)))
                    .sort(Sorts.ascending("_id")).into(events);
            return ledger.sizeOf(tenantId) >= events.size() && events.stream().allMatch(event ->
                    ledger.entry(tenantId, event.getString("eventIdentifier")).isPresent());
        });
        return events;
    }

    /** In the order the log delivers them: an event that filled a gap comes after those seen before it. */
    @Test
    void everyEventOfABureauIsInItsLogOnce() {
        List<Document> events = includedEvents(NANMING);

        assertThat(events).isNotEmpty();
        Set<Long> indexes = new HashSet<>();
        for (Document event : events) {
            LedgerStore.Entry entry = ledger.entry(NANMING, event.getString("eventIdentifier")).orElseThrow();
            assertThat(indexes.add(entry.index())).as("one leaf per event").isTrue();
            assertThat(entry.position()).isEqualTo(event.getLong("_id"));
            assertThat(entry.eventSm3()).isEqualTo(event.getString("sm3"));
        }
        assertThat(ledger.entry("bureau-yunyan", events.get(0).getString("eventIdentifier")))
                .as("not in another bureau's log").isEmpty();
    }

    @Test
    void aSignedHeadVerifiesAndTakesEveryEventToItsRootAndALaterHeadIsConsistentWithIt() {
        List<Document> events = includedEvents(NANMING);
        SignedTreeHead first = treeHeads.issue(NANMING);
        assertThat(Sm2Signatures.verify(first.publicKeyHex(), first.head().signedBytes(), first.signatureHex()))
                .isTrue();
        assertThat(Sm2Signatures.verify(treeHeads.issue("bureau-yunyan").publicKeyHex(),
                first.head().signedBytes(), first.signatureHex())).as("another bureau's key").isFalse();

        Document event = events.get(events.size() / 2);
        LedgerStore.Entry entry = ledger.entry(NANMING, event.getString("eventIdentifier")).orElseThrow();
        MerkleTree tree = ledger.tree(NANMING);
        byte[] root = Hashes.bytes(first.head().rootHex());
        assertThat(MerkleTree.verifyInclusion(LedgerStore.HASH, entry.index(), first.head().size(),
                MerkleTree.leafHash(LedgerStore.HASH, Hashes.bytes(event.getString("sm3"))),
                tree.inclusionPath(entry.index(), first.head().size()), root)).isTrue();

        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(700).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        Phones.of(baseUrl(), "nanming.civil-servant").execute(GraphQlClient.operation(
                "OrderVehicle"), Map.of("input", MutationInputs.withKey("purpose", "账本测试", "origin", "区政府",
                "destination", "市局", "plannedStart", start.toString(), "plannedEnd", start.plusHours(1).toString(),
                "passengerCount", 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.sizeOf(NANMING) > first.head().size());
        SignedTreeHead second = treeHeads.issue(NANMING);

        assertThat(MerkleTree.verifyConsistency(LedgerStore.HASH, first.head().size(), second.head().size(), root,
                Hashes.bytes(second.head().rootHex()), tree.consistencyProof(first.head().size(),
                        second.head().size()))).isTrue();
        assertThat(treeHeads.issue(NANMING)).as("nothing new, no new head").isEqualTo(second);
    }

    @Test
    void aStoredEventAlteredAfterItsAppendNoLongerMatchesItsHash() {
        Document event = includedEvents(NANMING).get(0);
        long position = event.getLong("_id");
        assertThat(storedEvents.at(position).orElseThrow().intact()).isTrue();
        try {
            eventLog().updateOne(Filters.eq("_id", position), Updates.set("timestamp",
                    event.getString("timestamp").replace('0', '1')));
            assertThat(storedEvents.at(position).orElseThrow().intact()).isFalse();
        } finally {
            eventLog().replaceOne(Filters.eq("_id", position), event);
        }
        assertThat(storedEvents.at(position).orElseThrow().intact()).isTrue();
    }
}
