package cn.gov.jgsw.domain.shared.api;

import java.util.Objects;

/**
 * A command refused by a business rule. Non-transient by nature: retrying the same command gives the same answer,
 * so nothing retries it, and the client gets the stable {@link #errorCode()}. The message is for logs only; people
 * see the localised message of the code.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode errorCode;

    public BusinessRuleViolation(ErrorCode errorCode, String logMessage) {
        super(logMessage);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
