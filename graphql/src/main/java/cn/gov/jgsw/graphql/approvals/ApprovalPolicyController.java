package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.approvals.api.ApprovalErrorCode;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicyIds;
import cn.gov.jgsw.domain.approvals.api.ApproverRule;
import cn.gov.jgsw.domain.approvals.api.PolicyStep;
import cn.gov.jgsw.domain.approvals.api.SetApprovalPolicyCommand;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.domain.shared.api.BusinessRuleViolation;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.approvals.ApprovalInputs.ApproverRuleInput;
import cn.gov.jgsw.graphql.approvals.ApprovalInputs.PolicyStepInput;
import cn.gov.jgsw.graphql.approvals.ApprovalInputs.SetApprovalPolicyInput;
import cn.gov.jgsw.graphql.runtime.CommandMutations;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.projections.approvals.api.ApprovalPolicyView;
import cn.gov.jgsw.projections.approvals.api.FindApprovalPolicyQuery;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Optional;

/** Bureau admins read and set the bureau's approval policies. A named approver must be a person of the bureau. */
@Controller
public class ApprovalPolicyController {

    static final String COST_OVER = "COST_OVER";

    private final CommandMutations mutations;
    private final QueryGateway queries;
    private final PersonDirectory people;

    public ApprovalPolicyController(CommandMutations mutations, QueryGateway queries, PersonDirectory people) {
        this.mutations = mutations;
        this.queries = queries;
        this.people = people;
    }

    @QueryMapping
    public ApprovalPolicyView approvalPolicy(@Argument SubjectType subjectType,
                                             Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        return find(caller.tenantId(), subjectType).orElse(null);
    }

    @SchemaMapping(typeName = "ApproverRule", field = "personId")
    public String personId(ApproverRule rule) {
        return rule.person();
    }

    @MutationMapping
    public SetApprovalPolicyPayload setApprovalPolicy(@Argument SetApprovalPolicyInput input,
                                                      Caller caller) {
        Roles.requireAny(caller, Role.BUREAU_ADMIN);
        List<PolicyStep> steps = input.steps().stream().map(step -> step(caller, step)).toList();
        return mutations.execute(caller, "setApprovalPolicy", input.idempotencyKey(), input, null,
                new SetApprovalPolicyCommand(ApprovalPolicyIds.of(caller.tenantId(), input.subjectType()),
                        caller.tenantId(), input.subjectType(), steps),
                () -> find(caller.tenantId(), input.subjectType()).orElse(null), ApprovalPolicyView::version,
                SetApprovalPolicyPayload::new, SetApprovalPolicyPayload.class);
    }

    @SchemaMapping(typeName = "PolicyStep", field = "onlyWhen")
    public String onlyWhen(PolicyStep step) {
        return ApprovalConditions.costCapYuan(step.onlyWhen()) != null ? COST_OVER : step.onlyWhen();
    }

    @SchemaMapping(typeName = "PolicyStep", field = "costOverYuan")
    public Integer costOverYuan(PolicyStep step) {
        return ApprovalConditions.costCapYuan(step.onlyWhen());
    }

    private PolicyStep step(Caller caller, PolicyStepInput step) {
        List<ApproverRule> approvers = step.approvers() == null ? List.of()
                : step.approvers().stream().map(rule -> rule(caller, rule)).toList();
        return new PolicyStep(step.name(), approvers, step.signOff(), condition(step));
    }

    /** The SDL's {@code COST_OVER} with its cap is one condition in the policy, so that its version carries the cap. */
    private static String condition(PolicyStepInput step) {
        boolean costOver = COST_OVER.equals(step.onlyWhen());
        if (costOver != (step.costOverYuan() != null)) {
            throw new BusinessRuleViolation(ApprovalErrorCode.INVALID_APPROVAL_POLICY,
                    "costOverYuan " + step.costOverYuan() + " with condition " + step.onlyWhen());
        }
        return costOver ? ApprovalConditions.costOver(step.costOverYuan()) : step.onlyWhen();
    }

    /** A named person must be of the caller's bureau: anyone else is "not found", like a missing id. */
    private ApproverRule rule(Caller caller, ApproverRuleInput rule) {
        if (rule.personId() != null && people.findPerson(caller.tenantId(), rule.personId()).isEmpty()) {
            throw new ObjectNotFoundException("person " + rule.personId());
        }
        return new ApproverRule(rule.role(), rule.personId());
    }

    private Optional<ApprovalPolicyView> find(String tenantId, SubjectType subjectType) {
        return queries.query(new FindApprovalPolicyQuery(tenantId, subjectType),
                ResponseTypes.optionalInstanceOf(ApprovalPolicyView.class)).join();
    }
}
