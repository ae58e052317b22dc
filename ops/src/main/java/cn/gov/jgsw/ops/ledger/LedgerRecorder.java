package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.eventstore.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Puts every stored event into its bureau's ledger, in the order of the event log, each once. Before it is
 * included, the event's canonical form is recomputed from the stored document and must give the SM3 hash stored at
 * append; an event that does not is never included: the recorder stops there (its processor retries, and an operator
 * is alarmed in the log), because a ledger that skipped an event would vouch for a history with a hole in it.
 */
@Component
@ProcessingGroup(LedgerRecorder.PROCESSING_GROUP)
public class LedgerRecorder {

    public static final String PROCESSING_GROUP = "audit-ledger";
    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);

    private final StoredEvents storedEvents;
    private final LedgerStore ledger;

    public LedgerRecorder(StoredEvents storedEvents, LedgerStore ledger) {
        this.storedEvents = storedEvents;
        this.ledger = ledger;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new LedgerIntegrityException(
                "event " + event.getIdentifier() + " came without a position"));
        StoredEvents.StoredEvent stored = storedEvents.at(position).orElseThrow(() -> new LedgerIntegrityException(
                "event " + event.getIdentifier() + " is not stored at position " + position));
        if (!stored.eventIdentifier().equals(event.getIdentifier()) || !stored.intact()) {
            log.error("LEDGER INTEGRITY: the stored event at position {} ({}) does not match its hash: stored {}, "
                            + "recomputed {}; the ledger stops before it", position, stored.eventIdentifier(),
                    stored.storedSm3(), stored.recomputedSm3());
            throw new LedgerIntegrityException("event at position " + position + " altered since it was appended");
        }
        ledger.append(stored.tenantId(), stored.eventIdentifier(), position, stored.storedSm3(),
                Instant.parse(stored.timestamp()));
    }

    /** The ledger cannot include an event as stored. */
    public static final class LedgerIntegrityException extends RuntimeException {
        public LedgerIntegrityException(String message) {
            super(message);
        }
    }
}
