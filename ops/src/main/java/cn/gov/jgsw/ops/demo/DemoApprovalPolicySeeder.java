package cn.gov.jgsw.ops.demo;

import cn.gov.jgsw.domain.approvals.api.ApprovalConditions;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicyIds;
import cn.gov.jgsw.domain.approvals.api.ApproverRule;
import cn.gov.jgsw.domain.approvals.api.PolicyStep;
import cn.gov.jgsw.domain.approvals.api.SetApprovalPolicyCommand;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.demo.DemoBureaus;
import cn.gov.jgsw.tenants.registry.Bureau;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every demo bureau explicit policies for its bureau admin to see and change: vehicle orders, one step decided by
 * any one of its approvers; quoted property-service costs, any one approver, and the bureau admin too for a cost over
 * 5,000 yuan. Setting the same policy again records nothing, so a restart adds nothing.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoApprovalPolicySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApprovalPolicySeeder.class);
    static final List<PolicyStep> VEHICLE_ORDER_STEPS = List.of(
            new PolicyStep("用车审批", List.of(ApproverRule.role(Role.APPROVER.name())), SignOff.ANY, null));
    static final List<PolicyStep> PROPERTY_SERVICE_STEPS = List.of(
            new PolicyStep("费用审批", List.of(ApproverRule.role(Role.APPROVER.name())), SignOff.ANY, null),
            new PolicyStep("单位负责人审批", List.of(ApproverRule.role(Role.BUREAU_ADMIN.name())), SignOff.ANY,
                    ApprovalConditions.costOver(5000)));
    static final Map<SubjectType, List<PolicyStep>> POLICIES = Map.of(SubjectType.VEHICLE_ORDER, VEHICLE_ORDER_STEPS,
            SubjectType.PROPERTY_SERVICE, PROPERTY_SERVICE_STEPS);

    private final CommandGateway commands;

    DemoApprovalPolicySeeder(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Bureau bureau : DemoBureaus.all()) {
            Caller seeder = new Caller("system-demo-seed", bureau.id(), null, Set.of(Role.BUREAU_ADMIN),
                    "platform/demo-seed");
            POLICIES.forEach((subjectType, steps) -> {
                String policyId = ApprovalPolicyIds.of(bureau.id(), subjectType);
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new SetApprovalPolicyCommand(policyId,
                                bureau.id(), subjectType, steps))
                        .andMetaData(CommandMetadata.of(seeder, "demo-seed-" + policyId, null)));
            });
        }
        log.info("Demo approval policies ready (vehicle orders: any one approver; property-service costs: any one "
                + "approver, and the bureau admin over 5,000 yuan)");
    }
}
