package cn.gov.jgsw.domain.audit.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why a sensitive read was refused. */
public enum AuditErrorCode implements ErrorCode {
    /** A sensitive read needs a stated purpose (查阅事由), up to 200 characters of plain text. */
    PURPOSE_REQUIRED;

    @Override
    public String code() {
        return name();
    }
}
