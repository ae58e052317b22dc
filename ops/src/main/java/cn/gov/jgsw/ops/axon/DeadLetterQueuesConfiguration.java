package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.graphql.runtime.HandledEvents;
import cn.gov.jgsw.ops.ledger.LedgerRecorder;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.function.Function;

/**
 * No read model passes an event it could not apply (ADR 0026). Axon's default logs a failing event handler and goes
 * on, so a view silently missed the event. Here every event processor of a read model keeps a dead-letter queue in
 * the platform's database, sequenced per object: the failed event and the object's later events wait there, every
 * other object and bureau goes on, and the operator sees, retries or evicts them ({@link DeadLetters}). The audit
 * ledger's processor keeps none: it stops on a failure, since a ledger that skipped an event would no longer be the
 * whole record. Process managers (sagas) cannot dead-letter in Axon 4; they stop too.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueuesConfiguration {

    @Bean
    ConfigurerModule readModelsHoldBackWhatTheyCannotApply(MongoTemplate axonMongoTemplate,
                                                           HandledEvents handledEvents) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerDeadLetterQueueProvider(processingGroup -> {
                if (LedgerRecorder.PROCESSING_GROUP.equals(processingGroup)) {
                    return null;
                }
                // Without the cache each event would cost every processor a look at its queue in the database.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache());
                return queueOf(processingGroup, axonMongoTemplate, handledEvents);
            });
        };
    }

    private static Function<org.axonframework.config.Configuration, SequencedDeadLetterQueue<EventMessage<?>>> queueOf(
            String processingGroup, MongoTemplate axonMongoTemplate, HandledEvents handledEvents) {
        return c -> new ReportingDeadLetterQueue(processingGroup, MongoSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .mongoTemplate(axonMongoTemplate)
                .transactionManager(c.getComponent(TransactionManager.class, NoTransactionManager::instance))
                .serializer(c.eventSerializer())
                .build(), handledEvents);
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration eventProcessing, MongoDatabase platformDatabase,
                            Clock clock, MeterRegistry meters) {
        DeadLetters deadLetters = new DeadLetters(eventProcessing, platformDatabase, clock);
        Gauge.builder("jgsw.dead.letters", deadLetters, held -> held.held().values().stream()
                        .mapToLong(DeadLetters.Held::letters).sum())
                .description("Events the read models could not apply, held in their dead-letter queues")
                .register(meters);
        return deadLetters;
    }

    @Bean
    DeadLettersHealth deadLettersHealthIndicator(DeadLetters deadLetters, Clock clock) {
        return new DeadLettersHealth(deadLetters, clock);
    }
}
