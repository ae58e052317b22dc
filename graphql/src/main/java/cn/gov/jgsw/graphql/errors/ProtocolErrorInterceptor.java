package cn.gov.jgsw.graphql.errors;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the errors graphql-java raises before any data fetcher runs (unparseable documents, unknown fields, wrong
 * argument types) the same shape as every other error: a stable code and a localised message. graphql-java's own
 * description stays in {@code extensions.detail}, since it only describes the client's document.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProtocolErrorInterceptor implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ProtocolErrorInterceptor.class);

    /** graphql-java's classification of {@code GoodFaithIntrospection}'s refusal, which has no type of its own. */
    private static final String BAD_FAITH_INTROSPECTION = "BadFaithIntrospection";

    private final ErrorMessages messages;

    public ProtocolErrorInterceptor(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale locale = request.getLocale();
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(ProtocolErrorInterceptor::hasCode)) {
                return response;
            }
            return response.transform(builder -> builder.errors(response.getErrors().stream()
                    .map(error -> hasCode(error) ? unchanged(error) : withCode(error, locale))
                    .toList()));
        });
    }

    private static boolean hasCode(org.springframework.graphql.ResponseError error) {
        return error.getExtensions().containsKey("code");
    }

    private static GraphQLError unchanged(org.springframework.graphql.ResponseError error) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(error.getExtensions());
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    private GraphQLError withCode(org.springframework.graphql.ResponseError error, Locale locale) {
        ApiErrorCode code = codeFor(error.getErrorType());
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.put("code", code.code());
        if (code == ApiErrorCode.INTERNAL_ERROR) {
            String errorId = UUID.randomUUID().toString();
            log.error("Internal GraphQL error {}: {} ({})", errorId, error.getMessage(), error.getErrorType());
            extensions.put("errorId", errorId);
        } else {
            extensions.put("detail", ClientDocumentText.of(error.getMessage()));
        }
        return GraphqlErrorBuilder.newError()
                .message(messages.message(code.code(), locale))
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static ApiErrorCode codeFor(ErrorClassification classification) {
        if (classification == ErrorType.InvalidSyntax) {
            return ApiErrorCode.INVALID_SYNTAX;
        }
        if (classification == ErrorType.ValidationError) {
            return ApiErrorCode.INVALID_QUERY;
        }
        if (BAD_FAITH_INTROSPECTION.equals(String.valueOf(classification))) {
            // graphql-java's limit on introspection (a type's fields asked for again and again): a costly document.
            return ApiErrorCode.QUERY_TOO_COMPLEX;
        }
        if (classification == ErrorType.ExecutionAborted) {
            // Only the query limits abort an execution before it starts.
            return ApiErrorCode.QUERY_TOO_COMPLEX;
        }
        if (classification == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
            return ApiErrorCode.UNAUTHENTICATED;
        }
        if (classification == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
            return ApiErrorCode.FORBIDDEN;
        }
        if (classification == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return ApiErrorCode.INVALID_QUERY;
        }
        return ApiErrorCode.INTERNAL_ERROR;
    }
}
