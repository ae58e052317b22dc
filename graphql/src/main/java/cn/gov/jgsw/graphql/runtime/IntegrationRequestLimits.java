package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per integration client on the machine endpoints: over budget, a request is refused before it is read
 * ({@code RATE_LIMITED}, HTTP 429 with {@code Retry-After}), so that one gateway in a retry loop cannot take the node
 * from the others. Runs after the integration chain authenticated the client (the chain belongs to the tenants
 * module, which knows nothing of the API's limits). Per node, like the mobile API's limits.
 */
final class IntegrationRequestLimits implements HandlerInterceptor {

    private final ErrorMessages messages;
    private final TokenBuckets perClient;
    private final ObjectMapper json = new ObjectMapper();

    IntegrationRequestLimits(ErrorMessages messages, TokenBuckets perClient) {
        this.messages = messages;
        this.perClient = perClient;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken token)) {
            return true;
        }
        Optional<Duration> wait = perClient.take("integration:" + token.getName());
        if (wait.isEmpty()) {
            return true;
        }
        long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), messages.errorBody(ApiErrorCode.RATE_LIMITED.code(), request,
                Map.of("retryAfterSeconds", seconds)));
        return false;
    }
}
