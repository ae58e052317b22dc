package cn.gov.jgsw.graphql.errors;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer of an interceptor that refuses a request before anything runs: one error, its code and message. */
public final class Refusals {

    private Refusals() {
    }

    public static WebGraphQlResponse refused(WebGraphQlRequest request, ErrorMessages messages, ApiErrorCode code,
                                             Map<String, Object> extra) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.code());
        extensions.putAll(extra);
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .message(messages.message(code.code(), request.getLocale()))
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(extensions)
                .build()).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
