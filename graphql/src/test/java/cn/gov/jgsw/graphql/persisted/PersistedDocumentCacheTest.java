package cn.gov.jgsw.graphql.persisted;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class PersistedDocumentCacheTest {

    private final PersistedDocumentCache cache = new PersistedDocumentCache(new PersistedOperations());
    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aPersistedOperationIsParsedAndValidatedOnce() throws IOException {
        String document = aPersistedDocument();

        PreparsedDocumentEntry first = cache.getDocumentAsync(input(document), parse).join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input(document), parse).join();

        assertThat(parsed).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anyOtherDocumentIsParsedEveryTimeAndNotKept() {
        String document = "{ __typename }";

        cache.getDocumentAsync(input(document), parse).join();
        cache.getDocumentAsync(input(document), parse).join();

        assertThat(parsed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aDocumentThatFailedValidationIsNotKept() throws IOException {
        String document = aPersistedDocument();
        Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
            parsed.incrementAndGet();
            return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("no such field").build());
        };

        cache.getDocumentAsync(input(document), invalid).join();
        cache.getDocumentAsync(input(document), invalid).join();

        assertThat(parsed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    private static ExecutionInput input(String document) {
        return ExecutionInput.newExecutionInput(document).build();
    }

    private static String aPersistedDocument() throws IOException {
        try (InputStream manifest = PersistedDocumentCacheTest.class.getResourceAsStream(
                "/contract/persisted-operations.json")) {
            return new ObjectMapper().readTree(manifest).path("operations").get(0).get("body").asText();
        }
    }
}
