package cn.gov.jgsw.ops.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the platform stores its data.
 *
 * @param uri           a real MongoDB (replica set in production); blank means the embedded server
 * @param database      the database name
 * @param dataDirectory the embedded server's data directory
 * @param allowDemoData true to let the demo profile seed its logins into a real MongoDB (test runs against one)
 * @param slowCommandThreshold database commands taking longer are logged ({@link SlowCommandLog})
 * @param refuseUnlistedListQueries true to refuse, on the embedded store, a paged query of a collection no context
 *                                  declared as paged ({@link StoreLists}); the tests set it, nodes log instead
 */
@ConfigurationProperties(prefix = "jgsw.storage")
public record StorageProperties(String uri,
                                @DefaultValue("jgsw") String database,
                                @DefaultValue("data") Path dataDirectory,
                                @DefaultValue("false") boolean allowDemoData,
                                @DefaultValue("200ms") Duration slowCommandThreshold,
                                @DefaultValue("false") boolean refuseUnlistedListQueries) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
