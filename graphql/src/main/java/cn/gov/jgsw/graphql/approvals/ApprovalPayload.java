package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.projections.approvals.api.ApprovalView;

/** The answer of every approval mutation: the approval as the mutation left it. */
public record ApprovalPayload(ApprovalView approval) {
}
