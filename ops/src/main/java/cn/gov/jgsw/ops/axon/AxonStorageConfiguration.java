package cn.gov.jgsw.ops.axon;

import cn.gov.jgsw.ops.eventstore.EventLogStorageEngine;
import cn.gov.jgsw.ops.eventstore.EventStoreProperties;
import cn.gov.jgsw.ops.eventstore.StockEngineDataGuard;
import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Positions the single writer of the embedded store takes from the counter at a time (GlobalPositions). */
    private static final int POSITION_BLOCK = 64;

    /** The collection axon-mongo's template names for sagas, kept so that earlier store files are read. */
    private static final String SAGA_COLLECTION = "sagas";

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase platformDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(platformDatabase).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase platformDatabase,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Clock clock,
                                          EventStoreProperties properties,
                                          ObjectProvider<EmbeddedMongoServer> embeddedStore) {
        StockEngineDataGuard.refuseStockEngineData(platformDatabase);
        boolean onlyWriter = isOnlyWriter(embeddedStore);
        EventLogStorageEngine engine = EventLogStorageEngine.builder()
                .database(platformDatabase)
                .clock(clock)
                .gapTimeout(properties.gapTimeout())
                .trackingBatchSize(properties.trackingBatchSize())
                .aggregateBatchSize(properties.aggregateBatchSize())
                .positionsInBlocksOf(onlyWriter ? POSITION_BLOCK : 1)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(AggregateStateSerializer.create())
                .build();
        engine.ensureIndexes();
        if (onlyWriter) {
            // Whatever an earlier run reserved and did not write will never be written.
            engine.sealWhatAnEarlierRunLeftOpen();
        }
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

    /**
     * On the embedded store, every run of the platform claims the tokens under one name: the store file is locked to
     * one process, so the claims a killed run left are this run's own, and its processors resume at once instead of
     * waiting for those claims to time out (Axon's default owner, the process id, changes at every start). Tokens are
     * written after the events their unit of work appended ({@link TokenAfterEventsStore}).
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                          ObjectProvider<EmbeddedMongoServer> embeddedStore) {
        MongoTokenStore.Builder tokenStore = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer);
        EmbeddedMongoServer embedded = embeddedStore.getIfAvailable();
        if (embedded != null) {
            tokenStore.nodeId("embedded " + embedded.storeFile().toAbsolutePath());
        }
        return new TokenAfterEventsStore(tokenStore.build());
    }

    /**
     * Process managers (sagas) keep their state in {@code sagas}, written field by field like snapshots: their state
     * lives in private fields, as the aggregates' does. Every look-up is by {@code _id} (KeyedSagaStore, ADR 0016).
     */
    @Bean
    SagaStore<Object> sagaStore(MongoDatabase platformDatabase, ObjectProvider<EmbeddedMongoServer> embeddedStore) {
        KeyedSagaStore store = new KeyedSagaStore(platformDatabase, SAGA_COLLECTION,
                AggregateStateSerializer.create(), isOnlyWriter(embeddedStore));
        store.moveSagasOfEarlierFormat();
        return store;
    }

    /** The embedded store is this process's alone (its file is locked to it): this process is its one writer. */
    private static boolean isOnlyWriter(ObjectProvider<EmbeddedMongoServer> embeddedStore) {
        return embeddedStore.getIfAvailable() != null;
    }
}
