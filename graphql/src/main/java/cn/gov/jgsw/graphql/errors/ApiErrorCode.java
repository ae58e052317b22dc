package cn.gov.jgsw.graphql.errors;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Error codes of the API itself, as opposed to the business rules of the domain. */
public enum ApiErrorCode implements ErrorCode {
    /** No access token was presented. */
    UNAUTHENTICATED,
    /** The access token is malformed, forged or expired. */
    INVALID_TOKEN,
    /** The caller's roles do not allow the operation. */
    FORBIDDEN,
    /** The idempotency key is missing or malformed. */
    INVALID_IDEMPOTENCY_KEY,
    /** The idempotency key was already used by this person for a different operation or input. */
    IDEMPOTENCY_KEY_REUSED,
    /** The first request with this idempotency key is still being processed; retry later with the same key. */
    REQUEST_IN_PROGRESS,
    /** The cursor was not issued to this caller for this list, or was altered. */
    INVALID_CURSOR,
    /** The GraphQL document cannot be parsed. */
    INVALID_SYNTAX,
    /** The GraphQL document does not fit the schema. */
    INVALID_QUERY,
    /** The GraphQL document is nested deeper or asks for more than any screen needs. */
    QUERY_TOO_COMPLEX,
    /** The request body is larger than any operation of the app needs (HTTP 413). */
    REQUEST_TOO_LARGE,
    /** Several operations in one request (a JSON array): not supported, send them one by one. */
    BATCH_NOT_SUPPORTED,
    /**
     * The request names a persisted operation by an id that no manifest of the mobile contract holds (a build of the
     * app the platform does not know). Nothing ran.
     */
    PERSISTED_OPERATION_NOT_FOUND,
    /** The request carries its own document; outside the demo profile only persisted operations run, by id. */
    PERSISTED_OPERATION_REQUIRED,
    /** Too many requests from this person or app; retry after the seconds given (HTTP 429, {@code Retry-After}). */
    RATE_LIMITED,
    /** An unexpected failure; details are in the server log under the error's id. */
    INTERNAL_ERROR;

    @Override
    public String code() {
        return name();
    }
}
