package cn.gov.jgsw.domain.approvals.api;

/** One policy per bureau and kind of subject. */
public final class ApprovalPolicyIds {

    private ApprovalPolicyIds() {
    }

    public static String of(String tenantId, SubjectType subjectType) {
        return "approval-policy-" + subjectType.name().toLowerCase().replace('_', '-') + "-" + tenantId;
    }
}
