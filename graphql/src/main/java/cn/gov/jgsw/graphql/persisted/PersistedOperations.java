package cn.gov.jgsw.graphql.persisted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations the API runs by id: those of the contract's manifest, written at build time from the operation
 * documents, and those of every released manifest kept under {@code contract/releases/}, so that an app of an older
 * release keeps working after the documents changed. Read once at start; nothing is ever added at run time.
 */
@Component
public class PersistedOperations {

    static final String CURRENT = "classpath:contract/persisted-operations.json";
    static final String RELEASED = "classpath*:contract/releases/*/persisted-operations.json";

    /** One persisted operation: its name and its document in normal form. */
    public record Operation(String id, String name, String body) {
    }

    private final Map<String, Operation> byId = new HashMap<>();
    private final Set<String> bodies = new HashSet<>();

    public PersistedOperations() {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        ObjectMapper json = new ObjectMapper();
        try {
            Resource current = resources.getResource(CURRENT);
            if (!current.exists()) {
                throw new IllegalStateException("no persisted-operation manifest at " + CURRENT
                        + ": the mobile-contract module writes it when it is built");
            }
            read(json, current);
            for (Resource released : resources.getResources(RELEASED)) {
                read(json, released);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(ObjectMapper json, Resource manifest) throws IOException {
        try (InputStream in = manifest.getInputStream()) {
            for (JsonNode operation : json.readTree(in).path("operations")) {
                Operation read = new Operation(operation.get("id").asText(), operation.get("name").asText(),
                        operation.get("body").asText());
                Operation known = byId.putIfAbsent(read.id(), read);
                if (known != null && !known.body().equals(read.body())) {
                    throw new IllegalStateException("two documents under the id " + read.id());
                }
                bodies.add(read.body());
            }
        }
    }

    public Optional<Operation> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** True for the document of a persisted operation, as the API runs it (its normal form). */
    public boolean isPersistedDocument(String document) {
        return bodies.contains(document);
    }

    public int size() {
        return byId.size();
    }
}
