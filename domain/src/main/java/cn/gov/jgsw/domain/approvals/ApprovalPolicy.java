package cn.gov.jgsw.domain.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.approvals.api.ApprovalErrorCode;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicyIds;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicySetEvent;
import cn.gov.jgsw.domain.approvals.api.ApproverRule;
import cn.gov.jgsw.domain.approvals.api.PolicyStep;
import cn.gov.jgsw.domain.approvals.api.SetApprovalPolicyCommand;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A bureau's approval policy for one kind of subject (审批流程). Each change is a new version; a request keeps the
 * version it was submitted under, so changing the policy never changes a request already on its way.
 */
@AggregateRoot
public class ApprovalPolicy {

    static final int LONGEST_STEP_NAME = 50;

    @AggregateIdentifier
    private String policyId;
    private String tenantId;
    private List<PolicyStep> steps = List.of();

    /** For Axon, which rebuilds the aggregate from its events. */
    protected ApprovalPolicy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetApprovalPolicyCommand command) {
        if (policyId != null && !Objects.equals(tenantId, command.tenantId())) {
            throw new ObjectNotFoundException("approval policy " + policyId + " not in tenant " + command.tenantId());
        }
        if (command.subjectType() == null
                || !ApprovalPolicyIds.of(command.tenantId(), command.subjectType()).equals(command.policyId())) {
            throw invalid("policy id " + command.policyId() + " is not the one of its bureau and subject type");
        }
        List<PolicyStep> checked = checkedSteps(command.steps());
        if (checked.equals(steps)) {
            return getVersion();
        }
        apply(new ApprovalPolicySetEvent(command.policyId(), command.tenantId(), command.subjectType(), checked));
        return getVersion();
    }

    private static List<PolicyStep> checkedSteps(List<PolicyStep> steps) {
        if (steps == null || steps.isEmpty() || steps.stream().anyMatch(Objects::isNull)) {
            throw invalid("no steps");
        }
        List<PolicyStep> checked = new ArrayList<>();
        for (PolicyStep step : steps) {
            String name = FreeText.required(step.name(), LONGEST_STEP_NAME, ApprovalErrorCode.INVALID_APPROVAL_POLICY,
                    "step name");
            if (step.signOff() == null || step.approvers() == null || step.approvers().isEmpty()
                    || step.approvers().stream().anyMatch(rule -> rule == null || !rule.valid())) {
                throw invalid("step " + name + " lacks approvers or a sign-off mode");
            }
            if (step.onlyWhen() != null && !ApprovalConditions.isKnown(step.onlyWhen())) {
                throw invalid("condition " + step.onlyWhen());
            }
            List<ApproverRule> approvers = step.approvers().stream().distinct().toList();
            checked.add(new PolicyStep(name, approvers, step.signOff(), step.onlyWhen()));
        }
        if (checked.stream().allMatch(step -> step.onlyWhen() != null)) {
            throw invalid("every step is conditional");
        }
        return List.copyOf(checked);
    }

    private static BusinessRuleViolation invalid(String logMessage) {
        return new BusinessRuleViolation(ApprovalErrorCode.INVALID_APPROVAL_POLICY, logMessage);
    }

    @EventSourcingHandler
    void on(ApprovalPolicySetEvent event) {
        policyId = event.policyId();
        tenantId = event.tenantId();
        steps = event.steps();
    }
}
