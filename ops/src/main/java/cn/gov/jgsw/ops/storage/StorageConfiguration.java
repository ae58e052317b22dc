package cn.gov.jgsw.ops.storage;

import cn.gov.jgsw.tenants.api.PagedCollection;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Chooses the database: the MongoDB at {@code jgsw.storage.uri} ({@code MONGODB_URI}) when given, else the
 * embedded server. Either way the rest of the platform sees one {@link MongoDatabase} reached by the real driver.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    /** Upper bound of any single database operation (the driver's client-side operation timeout). */
    public static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(15);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedStorageCondition.class)
    EmbeddedMongoServer embeddedMongoServer(StorageProperties properties, Environment environment,
                                            List<PagedCollection> pagedCollections) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            // The embedded server has no replication, no transactions and scans for non-unique indexes: a production
            // node that silently fell back to it would lose the bureaus' data with the machine.
            throw new IllegalStateException("The prod profile needs MONGODB_URI; the embedded server is for demo and tests");
        }
        // Each context declares its paged collections next to its read model; the store keeps their list indexes.
        StoreLists lists = new StoreLists(
                pagedCollections.stream().filter(PagedCollection::keptAsList).map(PagedCollection::name)
                        .collect(Collectors.toSet()),
                pagedCollections.stream().filter(paged -> !paged.keptAsList()).map(PagedCollection::name)
                        .collect(Collectors.toSet()),
                PagedCollection.OWNER_FIELD, properties.refuseUnlistedListQueries());
        return EmbeddedMongoServer.start(properties.dataDirectory(), true, properties.slowCommandThreshold(), lists);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StorageProperties properties, ObjectProvider<EmbeddedMongoServer> embedded,
                            Environment environment) {
        if (!properties.embedded() && environment.acceptsProfiles(Profiles.of("demo")) && !properties.allowDemoData()) {
            // The demo profile is the default and seeds logins with a published password: never into a real database
            // unless someone says so on purpose.
            throw new IllegalStateException("MONGODB_URI is set but the demo profile is active: set "
                    + "SPRING_PROFILES_ACTIVE=prod, or JGSW_ALLOW_DEMO_DATA=true to seed demo logins into that database");
        }
        String uri = properties.embedded() ? embedded.getObject().connectionString() : properties.uri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // An acknowledged write of the audit trail must survive the loss of the primary.
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                // No operation waits forever, e.g. for a majority that is gone: callers then fail with a timeout
                // instead of holding a request (and its idempotency claim) indefinitely.
                .timeout(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!properties.embedded()) {
            // The embedded server logs its slow commands itself, at less cost (SlowCommandLog).
            settings.addCommandListener(new SlowCommandLog(properties.slowCommandThreshold()));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase platformDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.database());
    }
}
