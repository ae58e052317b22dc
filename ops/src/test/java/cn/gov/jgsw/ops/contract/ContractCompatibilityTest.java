package cn.gov.jgsw.ops.contract;

import cn.gov.jgsw.ops.support.contract.ContractSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility gate, run by every build: the schema now against each released snapshot kept in the mobile
 * contract ({@code contract/releases/N/}), which stays there as long as apps of that release are supported. No
 * breaking change ({@link SchemaCompatibility}), every deprecation with its reason, and every operation an app of a
 * supported release sends still valid against the schema now (the platform keeps running them by their ids).
 */
class ContractCompatibilityTest {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    @Test
    void noSupportedReleaseBreaks() throws IOException {
        Map<String, String> releases = releasedSchemas();
        assertThat(releases).as("released snapshots").containsKey("1");

        Map<String, List<String>> breakages = new TreeMap<>();
        releases.forEach((release, schema) -> {
            List<String> found = SchemaCompatibility.breakages(schema, ContractSchema.currentSdl());
            if (!found.isEmpty()) {
                breakages.put("release " + release, found);
            }
        });

        assertThat(breakages).isEmpty();
        assertThat(SchemaCompatibility.deprecationsWithoutReason(ContractSchema.currentSdl())).isEmpty();
    }

    @Test
    void everyOperationOfASupportedReleaseStillValidates() throws IOException {
        List<String> invalid = new ArrayList<>();
        int operations = 0;
        for (Resource manifest : RESOURCES.getResources("classpath*:contract/releases/*/persisted-operations.json")) {
            try (InputStream in = manifest.getInputStream()) {
                for (JsonNode operation : new ObjectMapper().readTree(in).path("operations")) {
                    operations++;
                    List<GraphQLError> errors = ParseAndValidate.parseAndValidate(ContractSchema.current(),
                            ExecutionInput.newExecutionInput(operation.get("body").asText()).build()).getErrors();
                    if (!errors.isEmpty()) {
                        invalid.add(operation.get("name").asText() + " of " + manifest + ": " + errors);
                    }
                }
            }
        }

        assertThat(operations).isPositive();
        assertThat(invalid).isEmpty();
    }

    private static Map<String, String> releasedSchemas() throws IOException {
        Map<String, String> releases = new TreeMap<>();
        for (Resource schema : RESOURCES.getResources("classpath*:contract/releases/*/schema.graphqls")) {
            String path = schema.getURL().getPath();
            String release = path.replaceAll(".*/releases/([^/]+)/schema\\.graphqls$", "$1");
            try (InputStream in = schema.getInputStream()) {
                releases.put(release, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return releases;
    }
}
