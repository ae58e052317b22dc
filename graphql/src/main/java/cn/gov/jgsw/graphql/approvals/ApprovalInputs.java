package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.domain.approvals.api.Decision;

/** The inputs of the approval mutations, as the SDL declares them. */
public final class ApprovalInputs {

    private ApprovalInputs() {
    }

    public record DecideApprovalInput(String idempotencyKey, String approvalId, Decision decision, String comment) {
    }

    public record DelegateApprovalInput(String idempotencyKey, String approvalId, String delegateId) {
    }
}
