package cn.gov.jgsw.ops.storage;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Health component {@code storage}: whether the database answers a ping, and which kind it is. */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase platformDatabase;
    private final StorageProperties properties;

    StorageHealthIndicator(MongoDatabase platformDatabase, StorageProperties properties) {
        super("database does not answer");
        this.platformDatabase = platformDatabase;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        platformDatabase.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("kind", properties.embedded() ? "embedded (mongo-java-server, H2 file)" : "MongoDB")
                .withDetail("database", properties.database());
    }
}
