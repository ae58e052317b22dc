package cn.gov.jgsw.domain.integration.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why the integration-client context refused a command. Stable: the app branches on these. */
public enum IntegrationErrorCode implements ErrorCode {
    /** The client's name is empty, too long or not plain text. */
    INVALID_CLIENT_NAME,
    /** A client needs at least one scope. */
    SCOPE_REQUIRED,
    /** The previous secret may stay valid for 0 to 168 hours after a rotation. */
    INVALID_SECRET_OVERLAP,
    /** The client is disabled: it can be neither used nor changed. */
    INTEGRATION_CLIENT_DISABLED;

    @Override
    public String code() {
        return name();
    }
}
