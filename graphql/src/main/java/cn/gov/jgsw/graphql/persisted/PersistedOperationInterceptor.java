package cn.gov.jgsw.graphql.persisted;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import cn.gov.jgsw.graphql.errors.Refusals;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Runs persisted operations by id and, outside the demo profile, nothing else. The app names an operation as Apollo's
 * clients do: {@code "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<id>"}}}, with no
 * {@code query}, over HTTP and in the socket's {@code subscribe} payload. The document run is the manifest's, never
 * one the request carries.
 * <ul>
 *     <li>an id the manifests do not hold: {@code PERSISTED_OPERATION_NOT_FOUND}, nothing runs;</li>
 *     <li>a document without an id, outside the demo profile: {@code PERSISTED_OPERATION_REQUIRED}, nothing runs.</li>
 * </ul>
 * Ordered right after {@code ProtocolErrorInterceptor}, before the caller is read or anything is counted against the
 * request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(PersistedOperationsProperties.class)
public class PersistedOperationInterceptor implements WebGraphQlInterceptor {

    /** What Spring GraphQL puts in place of a document that a request names by id only. */
    public static final String NO_DOCUMENT = "PersistedQueryMarker";

    private final PersistedOperations operations;
    private final PersistedOperationsProperties properties;
    private final ErrorMessages messages;

    public PersistedOperationInterceptor(PersistedOperations operations, PersistedOperationsProperties properties,
                                         ErrorMessages messages) {
        this.operations = operations;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String id = persistedId(request.getExtensions());
        if (id == null) {
            if (properties.acceptAnyDocument() && !NO_DOCUMENT.equals(request.getDocument())) {
                return chain.next(request);
            }
            return Mono.just(refused(request, ApiErrorCode.PERSISTED_OPERATION_REQUIRED));
        }
        return operations.byId(id)
                .map(operation -> {
                    request.configureExecutionInput((input, builder) -> builder.query(operation.body()).build());
                    return chain.next(request);
                })
                .orElseGet(() -> properties.acceptAnyDocument() && !NO_DOCUMENT.equals(request.getDocument())
                        // In the demo profile an unknown id with its document runs the document (Apollo's clients
                        // send both when an id was not known).
                        ? chain.next(request)
                        : Mono.just(refused(request, ApiErrorCode.PERSISTED_OPERATION_NOT_FOUND)));
    }

    /** The id a request names, or null; anything but a string there is no id. */
    static String persistedId(Map<String, Object> extensions) {
        if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
                && persisted.get("sha256Hash") instanceof String id && !id.isBlank()) {
            return id;
        }
        return null;
    }

    private WebGraphQlResponse refused(WebGraphQlRequest request, ApiErrorCode code) {
        return Refusals.refused(request, messages, code, Map.of());
    }
}
