package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ledger.Hashes;
import cn.gov.jgsw.ledger.MerkleTree;
import cn.gov.jgsw.ledger.Sm2Signatures;
import cn.gov.jgsw.ops.eventstore.StoredEvents;
import cn.gov.jgsw.projections.audit.api.AuditEventView;
import cn.gov.jgsw.projections.audit.api.EventIntegrity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an event of the record against its bureau's audit ledger, as a supervisor reads it (ADR 0025): the event as
 * stored now must be the leaf the ledger included at its index, proven by an inclusion proof under the newest signed
 * tree head, and that head must verify with the bureau's key as the signer holds it, not as the store states it. So an
 * event edited in the store, with its stored hash and the ledger's nodes edited to match, is found: the nodes would
 * have to reach a root signed by a key the store does not hold.
 * <p>
 * An altered event is logged at error level once, counted ({@code jgsw.ledger.altered.events}), and kept in
 * {@link #altered()} until a check finds it whole again, for the operators' console ({@link LedgerIntegrityHealth}).
 */
public class LedgerCheck {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheck.class);

    private final LedgerStore ledger;
    private final StoredEvents storedEvents;
    private final TreeHeads heads;
    private final TreeHeadSigner signer;
    private final Counter alteredCounter;
    /** Heads found to verify, by bureau and size, with their signature: a head is verified once. */
    private final Map<String, String> verifiedHeads = new ConcurrentHashMap<>();
    private final Map<String, Altered> altered = new ConcurrentHashMap<>();

    /** An event found altered: where it stands, and what it looked like when found. */
    public record Altered(String tenantId, String eventId, long position, String why) {
    }

    public LedgerCheck(LedgerStore ledger, StoredEvents storedEvents, TreeHeads heads, TreeHeadSigner signer,
                       MeterRegistry meters) {
        this.ledger = ledger;
        this.storedEvents = storedEvents;
        this.heads = heads;
        this.signer = signer;
        this.alteredCounter = Counter.builder("jgsw.ledger.altered.events")
                .description("Events of the record found to differ from what the audit ledger included")
                .register(meters);
    }

    /** The events, each with how it stands against the ledger. */
    public List<AuditEventView> checked(List<AuditEventView> events) {
        return events.stream().map(event -> event.withIntegrity(integrityOf(event))).toList();
    }

    public EventIntegrity integrityOf(AuditEventView event) {
        return integrityOf(event.tenantId(), event.eventId(), event.position(), event.contentSm3(),
                event.eventType() + " of " + event.objectId());
    }

    /**
     * The events found altered, checked again as they are stored now: one stored whole again (restored from a copy)
     * leaves the list; a deleted one stays.
     */
    public List<Altered> stillAltered() {
        for (Altered found : altered()) {
            Optional<StoredEvents.StoredEvent> now = storedEvents.at(found.position());
            if (now.isPresent() && now.get().eventIdentifier().equals(found.eventId())) {
                integrityOf(found.tenantId(), found.eventId(), found.position(), now.get().recomputedSm3(),
                        "checked again");
            }
        }
        return altered();
    }

    private EventIntegrity integrityOf(String tenantId, String eventId, long position, String contentSm3,
                                       String what) {
        Optional<LedgerStore.Entry> entry = ledger.entry(tenantId, eventId);
        if (entry.isEmpty()) {
            return EventIntegrity.NOT_YET_IN_LEDGER;
        }
        Optional<SignedTreeHead> head = heads.newest(tenantId);
        if (head.isEmpty() || entry.get().index() >= head.get().head().size()) {
            return EventIntegrity.NOT_YET_SIGNED;
        }
        if (!verifies(head.get())) {
            return found(tenantId, eventId, position, what, "the ledger's newest tree head of " + tenantId + " (size "
                    + head.get().head().size() + ") does not verify with the bureau's own key: the ledger's record "
                    + "itself was altered");
        }
        long index = entry.get().index();
        long size = head.get().head().size();
        boolean included = MerkleTree.verifyInclusion(LedgerStore.HASH, index, size,
                MerkleTree.leafHash(LedgerStore.HASH, Hashes.bytes(contentSm3)),
                ledger.tree(tenantId).inclusionPath(index, size), Hashes.bytes(head.get().head().rootHex()));
        if (!included) {
            return found(tenantId, eventId, position, what, "it is not the leaf the ledger included at index " + index + " under the signed head "
                    + "of size " + size);
        }
        if (altered.remove(eventId) != null) {
            log.warn("LEDGER INTEGRITY: event {} of {} at position {} agrees with the ledger again", eventId, tenantId,
                    position);
        }
        return EventIntegrity.VERIFIED;
    }

    /** The events found altered that no later check found whole again. */
    public List<Altered> altered() {
        return List.copyOf(altered.values());
    }

    private EventIntegrity found(String tenantId, String eventId, long position, String what, String why) {
        if (altered.put(eventId, new Altered(tenantId, eventId, position, why)) == null) {
            alteredCounter.increment();
            log.error("LEDGER INTEGRITY: event {} of {} at position {} ({}) was altered after its append: {}",
                    eventId, tenantId, position, what, why);
        }
        return EventIntegrity.ALTERED;
    }

    private boolean verifies(SignedTreeHead head) {
        String id = head.head().tenantId() + "|" + head.head().size();
        if (head.signatureHex().equals(verifiedHeads.get(id))) {
            return true;
        }
        boolean valid = Sm2Signatures.verify(signer.signingKeyOf(head.head().tenantId()), head.head().signedBytes(),
                head.signatureHex());
        if (valid) {
            verifiedHeads.put(id, head.signatureHex());
        }
        return valid;
    }
}
