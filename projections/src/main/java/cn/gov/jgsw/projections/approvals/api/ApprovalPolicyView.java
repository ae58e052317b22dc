package cn.gov.jgsw.projections.approvals.api;

import cn.gov.jgsw.domain.approvals.api.PolicyStep;
import cn.gov.jgsw.domain.approvals.api.SubjectType;

import java.util.List;

/** A bureau's approval policy for a kind of subject, at its current version. */
public record ApprovalPolicyView(String tenantId, SubjectType subjectType, List<PolicyStep> steps, long version) {
}
