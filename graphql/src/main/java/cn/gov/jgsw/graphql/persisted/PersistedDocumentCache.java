package cn.gov.jgsw.graphql.persisted;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the parsed and validated form of the persisted operations, so that a request naming one skips graphql-java's
 * parser and validator: under the mobile API benchmark those were 62 of 724 CPU samples of the platform, for the
 * same seventy documents over and over. Only the manifests' documents are kept, a set fixed at start; any other
 * document (GraphiQL in the demo profile) is parsed every time, and so is a document that fails validation.
 * Given to graphql-java by {@link PersistedDocumentsConfiguration}.
 */
@Component
public class PersistedDocumentCache implements PreparsedDocumentProvider {

    private final PersistedOperations operations;
    private final Map<String, PreparsedDocumentEntry> byDocument = new ConcurrentHashMap<>();

    public PersistedDocumentCache(PersistedOperations operations) {
        this.operations = operations;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String document = input.getQuery();
        PreparsedDocumentEntry kept = byDocument.get(document);
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors() && operations.isPersistedDocument(document)) {
            byDocument.put(document, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** How many documents are kept: at most the manifests' operations. */
    int size() {
        return byDocument.size();
    }
}
