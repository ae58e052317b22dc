package cn.gov.jgsw.projections.approvals.api;

import cn.gov.jgsw.domain.approvals.api.ApprovalStepPlan;

import java.util.List;

/**
 * @param policyVersion the policy version the steps come from; {@value #PLATFORM_DEFAULT} for the platform's default
 *                      (any one approver of the bureau) where the bureau has set none
 */
public record ApprovalRoute(long policyVersion, List<ApprovalStepPlan> steps) {

    public static final long PLATFORM_DEFAULT = -1;
}
