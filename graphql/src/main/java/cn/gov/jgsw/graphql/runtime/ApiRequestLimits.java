package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Limits on every authenticated API request, checked before GraphQL parses anything:
 * <ul>
 *     <li>a body of at most {@value #LARGEST_BODY} bytes ({@code REQUEST_TOO_LARGE}, HTTP 413): the app's largest
 *     operation with its variables is a few KiB;</li>
 *     <li>one operation per request ({@code BATCH_NOT_SUPPORTED}, HTTP 400): a JSON array of operations would multiply
 *     every other limit;</li>
 *     <li>a body that is one JSON object ({@code INVALID_SYNTAX}, HTTP 400): {@code null}, a number or a string is
 *     the client's mistake, which the framework would otherwise meet as an internal error;</li>
 *     <li>per person (token subject) and per app (token client) a token bucket ({@code RATE_LIMITED}, HTTP 429 with
 *     {@code Retry-After} in seconds and {@code extensions.retryAfterSeconds}).</li>
 * </ul>
 * Rate limits are per node: behind a load balancer of N nodes a person gets up to N times the rate. The files of the
 * API ({@code /api/**}) share the rate budget but not the body checks: their bodies are images, which the endpoint
 * limits itself.
 */
final class ApiRequestLimits extends OncePerRequestFilter {

    static final int LARGEST_BODY = 32 * 1024;

    private final ErrorMessages messages;
    private final ApiRateBudget rates;
    private final boolean graphQlBodies;
    private final ObjectMapper json = new ObjectMapper();

    /** @param graphQlBodies whether bodies are GraphQL requests, to be checked for size and batches */
    ApiRequestLimits(ErrorMessages messages, ApiRateBudget rates, boolean graphQlBodies) {
        this.messages = messages;
        this.rates = rates;
        this.graphQlBodies = graphQlBodies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof JwtAuthenticationToken token) {
            Optional<Duration> wait = rates.take(token.getToken());
            if (wait.isPresent()) {
                long seconds = ApiRateBudget.retryAfterSeconds(wait.get());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, ApiErrorCode.RATE_LIMITED,
                        Map.of("retryAfterSeconds", seconds));
                return;
            }
        }
        if (!graphQlBodies || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), LARGEST_BODY + 1);
        if (body.length > LARGEST_BODY) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ApiErrorCode.REQUEST_TOO_LARGE, Map.of());
            return;
        }
        int first = firstNonWhitespace(body);
        if (first == '[') {
            refuse(request, response, HttpStatus.BAD_REQUEST, ApiErrorCode.BATCH_NOT_SUPPORTED, Map.of());
            return;
        }
        if (first != '{') {
            refuse(request, response, HttpStatus.BAD_REQUEST, ApiErrorCode.INVALID_SYNTAX, Map.of());
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ApiErrorCode code,
                        Map<String, Object> extra) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), messages.errorBody(code.code(), request, extra));
    }

    private static byte[] readAtMost(InputStream in, int most) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < most && (read = in.read(buffer, 0, Math.min(buffer.length, most - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The body's first byte that is not JSON whitespace, or -1 for an empty body. */
    private static int firstNonWhitespace(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b;
            }
        }
        return -1;
    }

    /** The request with its body already read, for GraphQL to read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
