package cn.gov.jgsw.domain.approvals.api;

import java.util.List;

/**
 * A bureau's approval policy for a kind of subject was set (审批流程已设定). The aggregate's sequence number is its
 * version.
 */
public record ApprovalPolicySetEvent(String policyId, String tenantId, SubjectType subjectType,
                                     List<PolicyStep> steps) {
}
