package cn.gov.jgsw.ops.ledger;

import cn.gov.jgsw.ops.eventstore.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts every stored event into its bureau's ledger, in the order the event log delivers them, each once. Before it
 * is included, the event's canonical form is recomputed from the stored document and must give the SM3 hash stored
 * at append; an event that does not is never included: the recorder stops there (its processor retries, and an
 * operator is alarmed in the log), because a ledger that skipped an event would vouch for a history with a hole in it.
 * <p>
 * The processor delivers events in batches; a batch's events are looked up in one read and appended in one write per
 * collection, when the batch commits, before the processor's token moves on.
 */
@Component
@ProcessingGroup(LedgerRecorder.PROCESSING_GROUP)
public class LedgerRecorder {

    public static final String PROCESSING_GROUP = "audit-ledger";
    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);
    private static final String BATCH = LedgerRecorder.class.getName() + ".batch";

    private final StoredEvents storedEvents;
    private final LedgerStore ledger;

    public LedgerRecorder(StoredEvents storedEvents, LedgerStore ledger) {
        this.storedEvents = storedEvents;
        this.ledger = ledger;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<DomainEventMessage<?>> events = batch.getOrComputeResource(BATCH, key -> {
            List<DomainEventMessage<?>> collected = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> include(collected));
            return collected;
        });
        events.add(event);
    }

    private void include(List<DomainEventMessage<?>> events) {
        Map<String, StoredEvents.StoredEvent> stored = storedEvents.byAggregateSequence(events.stream()
                .map(event -> StoredEvents.aggregateSequence(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .toList());
        List<LedgerStore.Appended> appended = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            StoredEvents.StoredEvent found = stored.get(StoredEvents.aggregateSequence(event.getAggregateIdentifier(),
                    event.getSequenceNumber()));
            if (found == null || !found.eventIdentifier().equals(event.getIdentifier()) || !found.intact()) {
                log.error("LEDGER INTEGRITY: the stored event {} of {} #{} does not match what was appended "
                                + "(stored {}, recomputed {}); the ledger stops before it", event.getIdentifier(),
                        event.getAggregateIdentifier(), event.getSequenceNumber(),
                        found == null ? "nothing" : found.storedSm3(), found == null ? "-" : found.recomputedSm3());
                throw new LedgerIntegrityException("event " + event.getIdentifier() + " altered since it was "
                        + "appended");
            }
            appended.add(new LedgerStore.Appended(found.tenantId(), found.eventIdentifier(), found.position(),
                    found.storedSm3(), Instant.parse(found.timestamp())));
        }
        ledger.appendAll(appended);
    }

    /** The ledger cannot include an event as stored. */
    public static final class LedgerIntegrityException extends RuntimeException {
        public LedgerIntegrityException(String message) {
            super(message);
        }
    }
}
