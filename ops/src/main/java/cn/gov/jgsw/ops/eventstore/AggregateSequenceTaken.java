package cn.gov.jgsw.ops.eventstore;

/**
 * Another commit already holds this sequence number of the aggregate: two commands changed it at once. Axon turns it
 * into a {@link org.axonframework.modelling.command.ConcurrencyException}.
 */
final class AggregateSequenceTaken extends RuntimeException {

    AggregateSequenceTaken(String aggregateSequence) {
        super("Another commit already holds event " + aggregateSequence);
    }
}
