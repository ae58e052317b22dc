package cn.gov.jgsw.domain.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalErrorCode;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicyIds;
import cn.gov.jgsw.domain.approvals.api.ApprovalPolicySetEvent;
import cn.gov.jgsw.domain.approvals.api.ApproverRule;
import cn.gov.jgsw.domain.approvals.api.PolicyStep;
import cn.gov.jgsw.domain.approvals.api.SetApprovalPolicyCommand;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.approvals.api.SubjectType.VEHICLE_ORDER;

class ApprovalPolicyTest {

    private static final String NANMING = "bureau-nanming";
    private static final String ID = ApprovalPolicyIds.of(NANMING, VEHICLE_ORDER);
    private static final PolicyStep APPROVERS = new PolicyStep("审批", List.of(ApproverRule.role("APPROVER")),
            SignOff.ANY, null);
    private static final PolicyStep OFF_HOURS = new PolicyStep("分管领导审批",
            List.of(ApproverRule.person("user-nanming-bureau-admin")), SignOff.ALL, "OFF_HOURS");

    private final AggregateTestFixture<ApprovalPolicy> fixture = new AggregateTestFixture<>(ApprovalPolicy.class);

    @Test
    void aBureauAdminSetsAPolicyAndEachChangeIsANewVersion() {
        fixture.givenNoPriorActivity()
                .when(new SetApprovalPolicyCommand(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS)))
                .expectEvents(new ApprovalPolicySetEvent(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS)))
                .expectResultMessagePayload(0L);
        fixture.given(new ApprovalPolicySetEvent(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS)))
                .when(new SetApprovalPolicyCommand(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS, OFF_HOURS)))
                .expectEvents(new ApprovalPolicySetEvent(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS, OFF_HOURS)))
                .expectResultMessagePayload(1L);
        fixture.given(new ApprovalPolicySetEvent(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS)))
                .when(new SetApprovalPolicyCommand(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS)))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aPolicyNeedsAnUnconditionalStepAndWellFormedSteps() {
        for (List<PolicyStep> steps : List.of(List.<PolicyStep>of(), List.of(OFF_HOURS),
                List.of(new PolicyStep(" ", List.of(ApproverRule.role("APPROVER")), SignOff.ANY, null)),
                List.of(new PolicyStep("审批", List.of(), SignOff.ANY, null)),
                List.of(new PolicyStep("审批", List.of(new ApproverRule("APPROVER", "user-1")), SignOff.ANY, null)),
                List.of(new PolicyStep("审批", List.of(ApproverRule.role("APPROVER")), null, null)),
                List.of(APPROVERS, new PolicyStep("夜间", List.of(ApproverRule.role("APPROVER")), SignOff.ANY,
                        "off hours")),
                List.of(APPROVERS, new PolicyStep("大额", List.of(ApproverRule.role("APPROVER")), SignOff.ANY,
                        "COST_OVER_FIVE")),
                List.of(APPROVERS, new PolicyStep("夜间", List.of(ApproverRule.role("APPROVER")), SignOff.ANY,
                        "NIGHT")))) {
            fixture.givenNoPriorActivity()
                    .when(new SetApprovalPolicyCommand(ID, NANMING, VEHICLE_ORDER, steps))
                    .expectNoEvents()
                    .expectException(refusedWith(ApprovalErrorCode.INVALID_APPROVAL_POLICY));
        }
    }

    @Test
    void anotherBureausPolicyIsNotFound() {
        fixture.given(new ApprovalPolicySetEvent(ID, NANMING, VEHICLE_ORDER, List.of(APPROVERS)))
                .when(new SetApprovalPolicyCommand(ID, "bureau-yunyan", VEHICLE_ORDER, List.of(APPROVERS)))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.NOT_FOUND));
    }
}
