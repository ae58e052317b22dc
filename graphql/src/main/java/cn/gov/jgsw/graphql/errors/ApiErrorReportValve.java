package cn.gov.jgsw.graphql.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to a request Tomcat refuses before any of the platform's code sees it (a URL with {@code %00}, a
 * malformed request line, headers too large): the API's error shape with a stable code, not Tomcat's HTML page.
 * Whatever the platform answers itself never reaches here, since it has a body by then.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorReportValve.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ErrorMessages messages;

    public ApiErrorReportValve(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiErrorCode code = codeFor(status);
        Map<String, Object> extra = Map.of();
        if (code == ApiErrorCode.INTERNAL_ERROR) {
            String errorId = UUID.randomUUID().toString();
            log.error("Internal error {} answered by the web server with HTTP {}", errorId, status, failure);
            extra = Map.of("errorId", errorId);
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(messages.errorBody(code.code(), request,
                    extra)));
            response.finishResponse();
        } catch (IOException | IllegalStateException gone) {
            // The client has gone, or the response can no longer be written: nothing to tell anybody.
        }
    }

    private static ApiErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ApiErrorCode.UNAUTHENTICATED;
            case 403 -> ApiErrorCode.FORBIDDEN;
            case 413 -> ApiErrorCode.REQUEST_TOO_LARGE;
            case 429 -> ApiErrorCode.RATE_LIMITED;
            default -> status >= 500 ? ApiErrorCode.INTERNAL_ERROR : ApiErrorCode.INVALID_SYNTAX;
        };
    }
}
