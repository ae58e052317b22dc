package cn.gov.jgsw.projections.approvals.api;

import cn.gov.jgsw.domain.approvals.api.ApprovalStepPlan;
import cn.gov.jgsw.domain.approvals.api.SubjectType;

import java.time.Instant;
import java.util.List;

/**
 * An approval request as the inbox shows it.
 *
 * @param currentStepName the name of the step waiting for decisions (of the last step once closed)
 * @param waiting         who still has to act at the current step (delegates included), empty once closed
 * @param approverIds     everybody named on any step
 * @param steps           the steps, approvers as resolved at submission
 * @param decisionComment the reason of a rejection or the comment of a return
 * @param position        where it stands in the newest-first inbox, {@code epochMillis:id}
 */
public record ApprovalView(String id, String tenantId, SubjectType subjectType, String subjectId, String requesterId,
                           String summary, ApprovalStatus status, int currentStep, String currentStepName,
                           int stepCount, List<String> waiting, List<String> approverIds, List<ApprovalStepPlan> steps,
                           Instant submittedAt, String decidedBy,
                           String decisionComment, long policyVersion, String position, long version) {
}
