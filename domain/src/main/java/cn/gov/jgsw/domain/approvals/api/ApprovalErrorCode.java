package cn.gov.jgsw.domain.approvals.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why approvals refused a command. Stable: the app branches on these. */
public enum ApprovalErrorCode implements ErrorCode {
    /**
     * A policy needs at least one unconditional step, every step a name, approvers and a sign-off mode, and a
     * condition only one the platform knows ({@code OFF_HOURS}, {@code MULTI_DAY}, {@code COST_OVER_<yuan>}).
     */
    INVALID_APPROVAL_POLICY,
    /** A step of the request has nobody to approve it but the requester. */
    NO_ELIGIBLE_APPROVER,
    /** The caller is not an approver of the request's current step. */
    NOT_AN_APPROVER,
    /** The request is decided, returned or withdrawn already. */
    APPROVAL_CLOSED,
    /** Only the requester may withdraw a request. */
    NOT_THE_REQUESTER,
    /** A delegate must be another person of the bureau who is not yet an approver of the step. */
    INVALID_DELEGATE;

    @Override
    public String code() {
        return name();
    }
}
