package cn.gov.jgsw.graphql.errors;

import cn.gov.jgsw.domain.approvals.api.ApprovalErrorCode;
import cn.gov.jgsw.domain.audit.api.AuditErrorCode;
import cn.gov.jgsw.domain.calendar.api.CalendarErrorCode;
import cn.gov.jgsw.domain.integration.api.IntegrationErrorCode;
import cn.gov.jgsw.domain.property.api.PropertyErrorCode;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ErrorCode;
import cn.gov.jgsw.domain.vehicles.api.TelemetryErrorCode;
import cn.gov.jgsw.domain.vehicles.api.VehicleErrorCode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every error code a client of the API can receive, and whether sending the same request again is safe and useful.
 * The mobile contract's table of error codes is generated from here, so it cannot drift from the code.
 */
public final class ApiErrorCodes {

    /** What a client may do with a refused request. */
    public enum Retry {
        /** The same request gets the same answer: change the input, or tell the person. */
        NO("no: the same request gets the same answer"),
        /** Safe: the same request with the same idempotency key never acts twice. */
        SAME_REQUEST("yes: the same request, with the same idempotency key"),
        /** After the seconds of {@code Retry-After}. */
        AFTER_RETRY_AFTER("yes: after the seconds of Retry-After"),
        /** After a new access token (refresh, or sign in again). */
        AFTER_SIGN_IN("yes: with a new access token (refresh, or sign in)"),
        /** Never from this build of the app. */
        AFTER_APP_UPDATE("no: only an updated app helps");

        private final String advice;

        Retry(String advice) {
            this.advice = advice;
        }

        public String advice() {
            return advice;
        }
    }

    private static final Map<String, Retry> NOT_PLAIN_REFUSALS = Map.of(
            ApiErrorCode.INTERNAL_ERROR.code(), Retry.SAME_REQUEST,
            ApiErrorCode.REQUEST_IN_PROGRESS.code(), Retry.SAME_REQUEST,
            ApiErrorCode.RATE_LIMITED.code(), Retry.AFTER_RETRY_AFTER,
            ApiErrorCode.UNAUTHENTICATED.code(), Retry.AFTER_SIGN_IN,
            ApiErrorCode.INVALID_TOKEN.code(), Retry.AFTER_SIGN_IN,
            ApiErrorCode.PERSISTED_OPERATION_NOT_FOUND.code(), Retry.AFTER_APP_UPDATE);

    /** The machine door's codes ({@code /integration/v1/...}); the phone never receives them. */
    public static final Set<String> INTEGRATION_ONLY = Set.of(Stream.of(TelemetryErrorCode.values())
            .map(ErrorCode::code).toArray(String[]::new));

    private ApiErrorCodes() {
    }

    /** Every code, once each (some contexts share a code, e.g. {@code NOT_THE_REQUESTER}), in alphabetical order. */
    public static List<String> all() {
        Map<String, ErrorCode> byCode = new TreeMap<>();
        Stream.of(CommonErrorCode.values(), ApiErrorCode.values(), VehicleErrorCode.values(),
                        TelemetryErrorCode.values(), AuditErrorCode.values(), IntegrationErrorCode.values(),
                        CalendarErrorCode.values(), PropertyErrorCode.values(), ApprovalErrorCode.values())
                .flatMap(Stream::of)
                .forEach(code -> byCode.putIfAbsent(code.code(), code));
        return List.copyOf(byCode.keySet());
    }

    public static Retry retryOf(String code) {
        return NOT_PLAIN_REFUSALS.getOrDefault(code, Retry.NO);
    }
}
