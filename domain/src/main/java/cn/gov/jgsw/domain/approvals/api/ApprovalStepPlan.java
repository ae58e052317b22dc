package cn.gov.jgsw.domain.approvals.api;

import java.util.List;

/**
 * A step of one request, its approvers resolved to persons when the request was submitted.
 *
 * @param name        what the step is
 * @param approverIds who approves, by internal id
 * @param signOff     all of them, or any one
 */
public record ApprovalStepPlan(String name, List<String> approverIds, SignOff signOff) {
}
