package cn.gov.jgsw.projections.approvals.api;

import cn.gov.jgsw.domain.approvals.api.SubjectType;

/** A bureau's policy for a kind of subject; answers an empty optional when none is set. */
public record FindApprovalPolicyQuery(String tenantId, SubjectType subjectType) {
}
