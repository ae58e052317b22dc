package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.graphql.runtime.HandledEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A read model's dead-letter queue that says when it takes an event: the mutations waiting on this node for a view of
 * the event's object answer at once ({@link HandledEvents#deadLettered}), and the log names the processor, the object
 * and the cause, once per event. Everything else is the queue's own.
 */
final class ReportingDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReportingDeadLetterQueue.class);

    private final String processor;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final HandledEvents handledEvents;

    ReportingDeadLetterQueue(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue,
                             HandledEvents handledEvents) {
        this.processor = processor;
        this.queue = queue;
        this.handledEvents = handledEvents;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        queue.enqueue(sequenceIdentifier, letter);
        report(letter);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        AtomicReference<DeadLetter<? extends EventMessage<?>>> built = new AtomicReference<>();
        boolean enqueued = queue.enqueueIfPresent(sequenceIdentifier, () -> {
            built.set(letterBuilder.get());
            return built.get();
        });
        if (enqueued) {
            report(built.get());
        }
        return enqueued;
    }

    private void report(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String objectId = event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier() : null;
        log.error("Read model {} holds back event {} ({}) of object {}: {}", processor, event.getIdentifier(),
                event.getPayloadType().getSimpleName(), objectId,
                letter.cause().map(cause -> cause.type() + ": " + cause.message())
                        .orElse("an earlier event of the object is held back"));
        if (objectId != null) {
            handledEvents.deadLettered(objectId);
        }
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return queue.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
