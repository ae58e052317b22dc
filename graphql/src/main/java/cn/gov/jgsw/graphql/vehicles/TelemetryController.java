package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.TelemetryErrorCode;
import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import cn.gov.jgsw.projections.vehicles.api.IngestionReceipt;
import cn.gov.jgsw.projections.vehicles.api.PositionIntake;
import cn.gov.jgsw.projections.vehicles.api.RefusedBatch;
import cn.gov.jgsw.projections.vehicles.api.ReportedPosition;
import cn.gov.jgsw.tenants.api.AccessTokenClaims;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /integration/v1/telemetry/positions}: a batch of positions from a bureau's gateway, with a token of
 * one of its integration clients holding {@code telemetry:write}. The bureau comes from the token, never from the
 * body. The batch is kept whole or refused whole, with every refused position listed; a batch sent again is kept
 * once. Body: {@code {"positions": [{"vehicleId", "time", "latitude", "longitude", "speedKmh", "accuracyMetres"}]}}.
 */
@RestController
public class TelemetryController {

    /** 1,000 positions of about 150 bytes each, with room to spare. */
    static final int LARGEST_BODY = 512 * 1024;

    private final PositionIntake ingestion;
    private final ErrorMessages messages;
    private final ObjectMapper json;

    public TelemetryController(PositionIntake ingestion, ErrorMessages messages, ObjectMapper json) {
        this.ingestion = ingestion;
        this.messages = messages;
        this.json = json;
    }

    /** The body as sent. */
    record Batch(List<ReportedPosition> positions) {
    }

    @PostMapping("/integration/v1/telemetry/positions")
    public ResponseEntity<Map<String, Object>> positions(HttpServletRequest request,
                                                         @AuthenticationPrincipal Jwt token) throws IOException {
        byte[] body = request.getInputStream().readNBytes(LARGEST_BODY + 1);
        if (body.length > LARGEST_BODY) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, ApiErrorCode.REQUEST_TOO_LARGE.code(), request, Map.of());
        }
        Batch batch;
        try {
            batch = json.readValue(body, Batch.class);
        } catch (JacksonException unreadable) {
            return refuse(HttpStatus.BAD_REQUEST, TelemetryErrorCode.INVALID_POSITIONS.code(), request,
                    Map.of("positions", List.of()));
        }
        try {
            IngestionReceipt receipt = ingestion.ingest(token.getClaimAsString(AccessTokenClaims.TENANT),
                    token.getSubject(), batch == null ? null : batch.positions());
            return ResponseEntity.ok(Map.of("accepted", receipt.accepted(), "duplicates", receipt.duplicates(),
                    "late", receipt.late(), "alertsRaised", receipt.alertsRaised()));
        } catch (RefusedBatch refused) {
            return refuse(HttpStatus.BAD_REQUEST, refused.code().code(), request, Map.of("positions",
                    refused.problems().stream().map(problem -> Map.of("index", problem.index(),
                            "code", problem.code().code(), "message",
                            messages.message(problem.code().code(), request))).toList()));
        }
    }

    private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String code, HttpServletRequest request,
                                                       Map<String, Object> extra) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(messages.errorBody(code, request, extra));
    }
}
