package cn.gov.jgsw.graphql.runtime;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A mutation waiting for its view reads again as soon as this node's processors handled an event of its aggregate.
 * The polls here pause a minute, so only a wake-up (or the end of the grace after a dead letter) can answer within
 * the test's seconds.
 */
class ReadYourWritesTest {

    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    private final HandledEvents handledEvents = new HandledEvents();
    private final AtomicBoolean heldInAQueue = new AtomicBoolean();
    private final ReadYourWrites readYourWrites = new ReadYourWrites(handledEvents, aggregateId -> heldInAQueue.get(),
            A_MINUTE, A_MINUTE);
    private final AtomicBoolean viewCaughtUp = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Thread> waiter = new AtomicReference<>();

    @Test
    void anEventOfItsAggregateHandledWakesTheWaitingMutation() throws Exception {
        CompletableFuture<String> answer = waitFor("order-1");
        viewCaughtUp.set(true);
        handledEvents.handled("order-1");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("view of order-1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEventOfAnotherAggregateWakesNobody() throws Exception {
        CompletableFuture<String> answer = waitFor("order-1");
        handledEvents.handled("order-2");
        // A wrong wake-up reads at once; give it a fifth of a second to show.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> reads.get() == 1);
        viewCaughtUp.set(true);
        handledEvents.handled("order-1");
        answer.get(10, TimeUnit.SECONDS);
        assertThat(reads).as("the first read and the one after its own wake-up").hasValue(2);
    }

    @Test
    void anEventOfItsAggregateDeadLetteredAnswersAnInternalErrorInsteadOfWaitingItsPatience() {
        CompletableFuture<String> answer = waitFor("order-1");
        handledEvents.deadLettered("order-2");
        handledEvents.deadLettered("order-1");
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ReadYourWrites.ViewHeldBackException.class)
                .hasMessageContaining("order-1");
    }

    @Test
    void aViewThatCatchesUpWithinTheGraceIsAnsweredThoughAnotherReadModelDeadLettered() throws Exception {
        CompletableFuture<String> answer = waitFor("order-1");
        handledEvents.deadLettered("order-1");
        viewCaughtUp.set(true);
        handledEvents.handled("order-1");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("view of order-1");
    }

    @Test
    void eventsHeldBackBeforeTheWaitBeganAreFoundInTheQueues() {
        heldInAQueue.set(true);
        CompletableFuture<String> answer = waitFor("order-1");
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ReadYourWrites.ViewHeldBackException.class);
    }

    @Test
    void theAggregateOfACommandIsTheOneItsEventsName() {
        assertThat(CommandMutations.targetOf(new CancelSomething("order-7", "no longer needed"))).isEqualTo("order-7");
        assertThat(CommandMutations.targetOf("a command naming no aggregate")).isNull();
    }

    /** Starts a mutation waiting for its view, and returns once it has read once and is parked until woken. */
    private CompletableFuture<String> waitFor(String aggregateId) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return readYourWrites.await(aggregateId, () -> {
                reads.incrementAndGet();
                return viewCaughtUp.get() ? "view of " + aggregateId : null;
            }, view -> view != null);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() == 1 && waiter.get() != null
                && waiter.get().getState() == Thread.State.TIMED_WAITING);
        return answer;
    }

    private record CancelSomething(@TargetAggregateIdentifier String orderId, String reason) {
    }
}
