package cn.gov.jgsw.graphql.errors;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns every exception a data fetcher throws into an error with a stable code and a localised message. Unexpected
 * exceptions become {@code INTERNAL_ERROR} with an error id the operator finds in the log; their message never
 * reaches the client.
 */
@Component
public class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final ErrorMessages messages;

    public ApiExceptionResolver(ErrorMessages messages) {
        this.messages = messages;
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        Throwable cause = unwrap(exception);
        ErrorCode code = codeOf(cause);
        Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        extensions.put("code", code.code());
        if (code == ApiErrorCode.INTERNAL_ERROR) {
            String errorId = UUID.randomUUID().toString();
            log.error("Internal error {} in {}", errorId, environment.getExecutionStepInfo().getPath(), cause);
            extensions.put("errorId", errorId);
        }
        return GraphqlErrorBuilder.newError(environment)
                .errorType(errorType(code))
                .message(messages.message(code.code(), environment.getLocale()))
                .extensions(extensions)
                .build();
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof CommandExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static ErrorCode codeOf(Throwable exception) {
        if (exception instanceof BusinessRuleViolation violation) {
            return violation.errorCode();
        }
        if (exception instanceof ApiException apiException) {
            return apiException.errorCode();
        }
        if (exception instanceof AccessDeniedException) {
            return ApiErrorCode.FORBIDDEN;
        }
        return ApiErrorCode.INTERNAL_ERROR;
    }

    private static ErrorType errorType(ErrorCode code) {
        if (code == CommonErrorCode.NOT_FOUND) {
            return ErrorType.NOT_FOUND;
        }
        if (code == ApiErrorCode.FORBIDDEN) {
            return ErrorType.FORBIDDEN;
        }
        if (code == ApiErrorCode.UNAUTHENTICATED || code == ApiErrorCode.INVALID_TOKEN) {
            return ErrorType.UNAUTHORIZED;
        }
        if (code == ApiErrorCode.INTERNAL_ERROR) {
            return ErrorType.INTERNAL_ERROR;
        }
        return ErrorType.BAD_REQUEST;
    }
}
