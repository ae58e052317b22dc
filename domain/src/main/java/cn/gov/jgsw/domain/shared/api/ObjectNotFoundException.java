package cn.gov.jgsw.domain.shared.api;

/**
 * The object does not exist for the caller's tenant. Raised alike for a missing id and for another tenant's object.
 */
public class ObjectNotFoundException extends BusinessRuleViolation {

    public ObjectNotFoundException(String logMessage) {
        super(CommonErrorCode.NOT_FOUND, logMessage);
    }
}
