package cn.gov.jgsw.domain.approvals.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Sets a bureau's policy for one kind of subject; a new version each time it changes.
 *
 * @param policyId    {@link ApprovalPolicyIds#of}
 * @param tenantId    the bureau, from the admin's token
 * @param subjectType the kind of subject, e.g. {@code VEHICLE_ORDER}
 * @param steps       the steps in order, conditional ones included; at least one step every request takes
 */
public record SetApprovalPolicyCommand(@TargetAggregateIdentifier String policyId, String tenantId,
                                       SubjectType subjectType, List<PolicyStep> steps) {
}
