package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Answers an API call without a valid token with 401, the standard {@code WWW-Authenticate} header, and a
 * GraphQL-shaped body with a stable code, so the app can tell "sign in again" from other failures. Why a token failed
 * to verify is not revealed beyond the code.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ObjectMapper json = new ObjectMapper();
    private final ErrorMessages messages;

    ApiAuthenticationEntryPoint(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // The standard header, but without the decoder's reason (which names the check that failed).
        bearer.commence(request, response, request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? failure : new InvalidBearerTokenException("invalid token"));
        ApiErrorCode code = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? ApiErrorCode.UNAUTHENTICATED : ApiErrorCode.INVALID_TOKEN;
        Map<String, Object> body = Map.of("errors", List.of(Map.of(
                "message", messages.message(code.code(), request),
                "extensions", Map.of("code", code.code()))));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
