package cn.gov.jgsw.graphql.errors;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives HTTP-level failures of the API (a body that is not JSON, a wrong method or media type) the API's own error
 * shape, {@code {"errors":[{"message", "extensions":{"code"}}]}}, instead of Spring Boot's default error body. Other
 * paths (the sign-in pages, the console) keep the default.
 */
@Component
public class ApiErrorAttributes extends DefaultErrorAttributes {

    private final ErrorMessages messages;

    public ApiErrorAttributes(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (path == null || !path.toString().startsWith("/graphql")) {
            return super.getErrorAttributes(request, options);
        }
        Object status = request.getAttribute("jakarta.servlet.error.status_code", RequestAttributes.SCOPE_REQUEST);
        ApiErrorCode code = status instanceof Integer value && value >= 500
                ? ApiErrorCode.INTERNAL_ERROR : ApiErrorCode.INVALID_SYNTAX;
        String message = request instanceof ServletWebRequest servlet
                ? messages.message(code.code(), servlet.getRequest()) : messages.message(code.code(), (Locale) null);
        return Map.of("errors", List.of(Map.of(
                "message", message,
                "extensions", Map.of("code", code.code()))));
    }
}
