package cn.gov.jgsw.domain.approvals.api;

import java.util.List;

/**
 * A step of a policy.
 *
 * @param name      what the step is, for people (e.g. 分管领导审批), up to 50 characters
 * @param approvers who approves
 * @param signOff   all of them, or any one
 * @param onlyWhen  null for a step every request takes; otherwise a condition the subject must meet (e.g.
 *                  {@code OFF_HOURS}), and the step is added only then
 */
public record PolicyStep(String name, List<ApproverRule> approvers, SignOff signOff, String onlyWhen) {
}
