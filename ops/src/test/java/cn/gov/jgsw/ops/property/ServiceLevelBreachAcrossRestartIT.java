package cn.gov.jgsw.ops.property;

import cn.gov.jgsw.ops.PlatformApplication;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A missed due time is recorded exactly once, also across restarts: the platform stops before an emergency request
 * falls due, the next start records the breach once, and a further start records nothing more. Emergencies are due in
 * 3 seconds here and the SLA clock looks every 200 ms.
 */
class ServiceLevelBreachAcrossRestartIT {

    private static final String BREACH = "cn.gov.jgsw.domain.property.api.ServiceLevelBreachedEvent";

    private final int port = PlatformProcess.freePort();
    @TempDir
    Path dataDirectory;

    @Test
    void aMissedDueTimeIsRecordedOnceAcrossRestarts() {
        String requestId;
        try (ConfigurableApplicationContext first = start()) {
            String token = MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant");
            JsonNode requested = new GraphQlClient(baseUrl(), token).execute(
                    GraphQlClient.operation("RequestPropertyService"), Map.of("input", Map.of(
                            "idempotencyKey", UUID.randomUUID().toString(), "category", "REPAIR", "building", "2号楼",
                            "room", "105", "description", "水管爆裂", "urgency", "EMERGENCY")))
                    .data().at("/requestPropertyService/request");
            requestId = requested.get("id").asText();
            assertThat(breachesOf(first, requestId)).as("not due yet when the platform stops").isZero();
        }

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> breachesOf(second, requestId) == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> breachesOf(second, requestId) == 1);
        }

        try (ConfigurableApplicationContext third = start()) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> breachesOf(third, requestId) == 1);
            // A clock the breach has not yet removed, as a second node or a replaying projection may still hold it:
            // the clock tells the request again, and the request records nothing more.
            third.getBean(MongoDatabase.class).getCollection("service_level_clocks").insertOne(
                    new Document("_id", requestId).append("tenantId", "bureau-nanming").append("dueAt", new Date(0)));
            await().atMost(Duration.ofSeconds(10)).until(() -> third.getBean(MongoDatabase.class)
                    .getCollection("service_level_clocks").countDocuments(new Document("_id", requestId)) == 0
                    || breachesOf(third, requestId) > 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> breachesOf(third, requestId) == 1);
            String token = MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant");
            await().atMost(Duration.ofSeconds(10)).until(() -> new GraphQlClient(baseUrl(), token)
                    .execute(GraphQlClient.operation("ServiceRequest"), Map.of("id", requestId))
                    .data().at("/serviceRequest/serviceLevelBreached").asBoolean());
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlatformApplication.class).run(
                "--spring.profiles.active=demo", "--server.port=" + port,
                "--jgsw.storage.data-directory=" + dataDirectory, "--jgsw.storage.database=jgsw-sla-it",
                "--spring.boot.admin.client.enabled=false",
                "--jgsw.property.emergency-within=10s", "--jgsw.property.sla-check-interval=200ms");
    }

    private static long breachesOf(ConfigurableApplicationContext platform, String requestId) {
        return platform.getBean(MongoDatabase.class).getCollection("event_log").countDocuments(
                new Document("aggregateIdentifier", requestId).append("payloadType", BREACH));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
