package cn.gov.jgsw.ops.axon;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through Axon's own tracking processor, event store and command bus: a process that handles an event by sending a
 * command has its position written only after the command's events are appended, so a kill between the two makes it
 * handle the event again rather than skip it.
 */
class TokenAfterEventsStoreTest {

    private final List<String> writes = new CopyOnWriteArrayList<>();

    record Ordered(String orderId) {
    }

    record Route(String orderId) {
    }

    record Routed(String orderId) {
    }

    /** Routes each order, as the approval process does. */
    static final class Process {

        private final CommandGateway commands;

        Process(CommandGateway commands) {
            this.commands = commands;
        }

        @EventHandler
        void on(Ordered event) {
            commands.send(new Route(event.orderId()));
        }
    }

    @Test
    void aProcessIsPastAnEventOnlyOnceTheEventsOfItsCommandAreStored() {
        assertThat(writesOfAProcess(TokenAfterEventsStore::new))
                .containsSubsequence("event Routed[orderId=order-1]", "position 0");
    }

    @Test
    void axonsOwnOrderWritesThePositionFirst() {
        // Why the store exists: without it, the position is written before the command's events.
        assertThat(writesOfAProcess(UnaryOperator.identity()))
                .containsSubsequence("position 0", "event Routed[orderId=order-1]");
    }

    private List<String> writesOfAProcess(UnaryOperator<TokenStore> tokenStoreOf) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                events.forEach(event -> writes.add("event " + event.getPayload()));
                super.appendEvents(events);
            }
        };
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(Route.class.getName(), command -> {
            Route route = (Route) command.getPayload();
            eventStore.publish(GenericEventMessage.asEventMessage(new Routed(route.orderId())));
            return null;
        });
        TokenStore positions = tokenStoreOf.apply(new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                writes.add("position " + token.position().orElseThrow());
                super.storeToken(token, processorName, segment);
            }
        });
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("process")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Process(DefaultCommandGateway.builder().commandBus(commandBus).build()))
                        .build())
                .messageSource(eventStore)
                .tokenStore(positions)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        eventStore.publish(GenericEventMessage.asEventMessage(new Ordered("order-1")));
        processor.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> writes.contains("position 1"));
        } finally {
            processor.shutDown();
            eventStore.shutDown();
        }
        return List.copyOf(writes);
    }
}
