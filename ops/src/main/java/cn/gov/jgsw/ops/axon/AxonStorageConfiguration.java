package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.ops.eventstore.EventLogStorageEngine;
import cn.gov.jgsw.ops.eventstore.EventStoreProperties;
import cn.gov.jgsw.ops.eventstore.StockEngineDataGuard;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Events, snapshots and tracking tokens in the platform's MongoDB: events in the platform's own
 * {@link EventLogStorageEngine} (Axon's stock MongoDB engine can skip late commits, ADR 0005), tracking tokens in
 * axon-mongo's token store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class AxonStorageConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase platformDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(platformDatabase).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase platformDatabase,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Clock clock,
                                          EventStoreProperties properties) {
        StockEngineDataGuard.refuseStockEngineData(platformDatabase);
        EventLogStorageEngine engine = EventLogStorageEngine.builder()
                .database(platformDatabase)
                .clock(clock)
                .gapTimeout(properties.gapTimeout())
                .trackingBatchSize(properties.trackingBatchSize())
                .aggregateBatchSize(properties.aggregateBatchSize())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(AggregateStateSerializer.create())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Named {@code axonEventStore} because Spring Boot Admin has a bean {@code eventStore} of its own (the console's
     * instance events), and Axon would otherwise take that one for its message source.
     */
    @Bean
    EmbeddedEventStore axonEventStore(EventStorageEngine eventStorageEngine) {
        return EmbeddedEventStore.builder().storageEngine(eventStorageEngine).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /**
     * Process managers (sagas) keep their state in {@code sagas}, written field by field like snapshots: their state
     * lives in private fields, as the aggregates' does.
     */
    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(AggregateStateSerializer.create())
                .build();
    }
}
