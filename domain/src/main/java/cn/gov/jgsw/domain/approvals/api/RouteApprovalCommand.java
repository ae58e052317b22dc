package cn.gov.jgsw.domain.approvals.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Asks for a subject to be put before its approvers under the bureau's current policy. Handled outside the domain,
 * where the policy, the bureau's people and its work calendar are known: the router finds the conditions the subject
 * meets ({@link ApprovalConditions}), resolves the steps and submits the request ({@link SubmitApprovalRequestCommand}).
 *
 * @param approvalId   the request's id to be
 * @param plannedStart when the subject's use begins, if it has one (for off-hours and multi-day conditions)
 * @param plannedEnd   when it ends, if it has one
 * @param costFen      what the subject costs, in fen (分), if it has a cost (for {@code COST_OVER_…} conditions)
 */
public record RouteApprovalCommand(@TargetAggregateIdentifier String approvalId, String tenantId,
                                   SubjectType subjectType, String subjectId, String requesterId, String summary,
                                   Instant plannedStart, Instant plannedEnd, Long costFen) {
}
