package cn.gov.jgsw.domain.audit.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why a read of the record was refused. */
public enum AuditErrorCode implements ErrorCode {
    /** A sensitive read needs a stated purpose (查阅事由), up to 200 characters of plain text. */
    PURPOSE_REQUIRED,
    /**
     * A state asked for rests on an event that differs from what the audit ledger included: it was altered after its
     * append, and the state is not presented as fact. Its history shows the event marked as altered.
     */
    RECORD_ALTERED;

    @Override
    public String code() {
        return name();
    }
}
