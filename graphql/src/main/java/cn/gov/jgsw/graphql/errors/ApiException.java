package cn.gov.jgsw.graphql.errors;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** A refusal by the API's own rules (idempotency, cursors, limits), carrying a stable code. */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode, String logMessage) {
        super(logMessage);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
