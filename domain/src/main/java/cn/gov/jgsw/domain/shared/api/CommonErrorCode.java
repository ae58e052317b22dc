package cn.gov.jgsw.domain.shared.api;

/** Error codes every context may raise. */
public enum CommonErrorCode implements ErrorCode {
    /**
     * The object does not exist for the caller. Also the answer for an object of another tenant, so that a county
     * cannot even learn that another county's object exists.
     */
    NOT_FOUND,
    /** An input value is outside what the business accepts (empty, too long, unknown enum value, ...). */
    INVALID_INPUT,
    /** A step that must be explained (a rejection, a cancellation by others, disabling a client) came without a reason. */
    REASON_REQUIRED;

    @Override
    public String code() {
        return name();
    }
}
