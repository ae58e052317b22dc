package cn.gov.jgsw.ops.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events, snapshots and tracking tokens in the platform's MongoDB.
 * <p>
 * The stock {@link MongoEventStorageEngine} is a stop-gap: it orders events by an application-set timestamp and can
 * skip late commits (ARCHITECTURE.md, Event store). The issue "Event store that never skips an event" replaces it.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase platformDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(platformDatabase).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
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
}
