package cn.gov.jgsw.graphql.audit;

import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.graphql.errors.ErrorMessages;
import cn.gov.jgsw.graphql.runtime.DateTimeScalar;
import cn.gov.jgsw.projections.audit.api.EvidenceBundles;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.TokenCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/audit/evidence?bureauId=&from=&to=&purpose=}: the evidence bundle of a bureau's events in a period,
 * for supervisors of that bureau (their own or one below), a purpose-bound read recorded before the bundle is
 * written. Other roles are {@code FORBIDDEN}; a bureau outside the supervisor's reach is {@code NOT_FOUND}.
 */
@RestController
public class EvidenceController {

    private final EvidenceBundles bundles;
    private final SupervisorScope supervisorScope;
    private final PurposeBoundReads purposeBoundReads;
    private final ErrorMessages messages;

    public EvidenceController(EvidenceBundles bundles, SupervisorScope supervisorScope,
                              PurposeBoundReads purposeBoundReads, ErrorMessages messages) {
        this.bundles = bundles;
        this.supervisorScope = supervisorScope;
        this.purposeBoundReads = purposeBoundReads;
        this.messages = messages;
    }

    @GetMapping("/api/audit/evidence")
    public ResponseEntity<?> evidence(@RequestParam(required = false) String bureauId,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String purpose,
                                      @AuthenticationPrincipal Jwt token, HttpServletRequest request)
            throws IOException {
        Caller caller = TokenCallers.fromToken(token, null);
        Instant start;
        Instant end;
        try {
            supervisorScope.requireSupervised(caller, bureauId);
            start = DateTimeScalar.within(Instant.parse(String.valueOf(from)));
            end = DateTimeScalar.within(Instant.parse(String.valueOf(to)));
            if (!end.isAfter(start) || Duration.between(start, end).toDays() > EvidenceBundles.LONGEST_PERIOD_DAYS) {
                return refuse(HttpStatus.BAD_REQUEST, CommonErrorCode.INVALID_INPUT.code(), request);
            }
            purposeBoundReads.record(caller, "evidence bundle of " + bureauId + " from " + start + " to " + end,
                    purpose);
        } catch (ApiException refused) {
            return refuse(HttpStatus.FORBIDDEN, refused.errorCode().code(), request);
        } catch (ObjectNotFoundException unknown) {
            return refuse(HttpStatus.NOT_FOUND, CommonErrorCode.NOT_FOUND.code(), request);
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            return refuse(HttpStatus.BAD_REQUEST, CommonErrorCode.INVALID_INPUT.code(), request);
        } catch (RuntimeException failed) {
            // The purpose is judged where reads are recorded; its refusal may come wrapped by the command bus.
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof BusinessRuleViolation refused) {
                    return refuse(HttpStatus.BAD_REQUEST, refused.errorCode().code(), request);
                }
            }
            throw failed;
        }
        // Written whole before it is sent: a bundle that failed halfway must not reach anyone as if it were complete.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        bundles.write(bureauId, start, end, body);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"evidence-" + bureauId + ".zip\"")
                .body(body.toByteArray());
    }

    private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String code, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(messages.errorBody(code, request, Map.of()));
    }
}
