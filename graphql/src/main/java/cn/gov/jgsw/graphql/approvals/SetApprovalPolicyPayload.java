package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.projections.approvals.api.ApprovalPolicyView;

public record SetApprovalPolicyPayload(ApprovalPolicyView policy) {
}
