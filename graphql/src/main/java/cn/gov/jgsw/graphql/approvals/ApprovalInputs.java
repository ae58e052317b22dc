package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.domain.approvals.api.Decision;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.approvals.api.SubjectType;

import java.util.List;

/** The inputs of the approval mutations, as the SDL declares them. */
public final class ApprovalInputs {

    private ApprovalInputs() {
    }

    public record DecideApprovalInput(String idempotencyKey, String approvalId, Decision decision, String comment) {
    }

    public record DelegateApprovalInput(String idempotencyKey, String approvalId, String delegateId) {
    }

    public record WithdrawApprovalInput(String idempotencyKey, String approvalId) {
    }

    public record ApproverRuleInput(String role, String personId) {
    }

    public record PolicyStepInput(String name, List<ApproverRuleInput> approvers, SignOff signOff, String onlyWhen,
                                  Integer costOverYuan) {
    }

    public record SetApprovalPolicyInput(String idempotencyKey, SubjectType subjectType, List<PolicyStepInput> steps) {
    }
}
