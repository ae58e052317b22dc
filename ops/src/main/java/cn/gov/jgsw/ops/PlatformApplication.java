package cn.gov.jgsw.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import de.codecentric.boot.admin.server.config.EnableAdminServer;

/**
 * The agency-affairs platform in one process: authorization server, mobile API, projections and the operations
 * console. Boot's own Mongo client is replaced by {@code StorageConfiguration}, which chooses between a real MongoDB
 * and the embedded server.
 */
@SpringBootApplication(scanBasePackages = "cn.gov.jgsw", exclude = MongoAutoConfiguration.class)
@ConfigurationPropertiesScan("cn.gov.jgsw")
@EnableAdminServer
public class PlatformApplication {

    static {
        // Axon's update checker calls a host outside China's government network at every start; it must not.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(PlatformApplication.class, args);
    }
}
