package cn.gov.jgsw.projections.approvals.api;

import cn.gov.jgsw.domain.approvals.api.SubjectType;

import java.util.Set;

/**
 * The steps a new request takes under the bureau's current policy: its unconditional steps and the conditional ones
 * whose condition the subject meets, approvers resolved to the people holding the roles today.
 *
 * @param conditions what the subject's planned period meets, e.g. {@code OFF_HOURS}
 * @param costFen    what the subject costs, in fen, or null (for {@code COST_OVER_<yuan>} steps)
 */
public record FindApprovalRouteQuery(String tenantId, SubjectType subjectType, Set<String> conditions,
                                     Long costFen) {
}
