package cn.gov.jgsw.domain.approvals;

import cn.gov.jgsw.domain.approvals.api.ApprovalDelegatedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalErrorCode;
import cn.gov.jgsw.domain.approvals.api.ApprovalGivenEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestSubmittedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepCompletedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepPlan;
import cn.gov.jgsw.domain.approvals.api.DecideApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.Decision;
import cn.gov.jgsw.domain.approvals.api.DelegateApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.SignOff;
import cn.gov.jgsw.domain.approvals.api.SubmitApprovalRequestCommand;
import cn.gov.jgsw.domain.approvals.api.WithdrawApprovalRequestCommand;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.jgsw.domain.Refusals.refusedWith;
import static cn.gov.jgsw.domain.approvals.api.SubjectType.VEHICLE_ORDER;

class ApprovalRequestTest {

    private static final String ID = "approval-order-1";
    private static final String NANMING = "bureau-nanming";
    private static final String CLERK = "user-nanming-civil-servant";
    private static final String CHIEF = "user-nanming-approver";
    private static final String DEPUTY = "user-nanming-deputy";
    private static final String DIRECTOR = "user-nanming-director";
    private static final String SUMMARY = "用车 12-01 09:00–11:00 南明区政府 → 省局";

    /** Joint sign-off of chief and deputy (会签), then any one director (或签). */
    private static final List<ApprovalStepPlan> STEPS = List.of(
            new ApprovalStepPlan("科室会签", List.of(CHIEF, DEPUTY), SignOff.ALL),
            new ApprovalStepPlan("领导审批", List.of(DIRECTOR, "user-nanming-director-2"), SignOff.ANY));

    private final AggregateTestFixture<ApprovalRequest> fixture = new AggregateTestFixture<>(ApprovalRequest.class);

    private static ApprovalRequestSubmittedEvent submitted() {
        return new ApprovalRequestSubmittedEvent(ID, NANMING, VEHICLE_ORDER, "order-1", CLERK, SUMMARY, 3, STEPS);
    }

    private static DecideApprovalCommand decide(String who, Decision decision, String comment) {
        return new DecideApprovalCommand(ID, NANMING, who, decision, comment);
    }

    @Test
    void aSubjectIsSubmittedWithTheStepsOfItsPolicyVersionAndNeverToItsRequester() {
        List<ApprovalStepPlan> withRequester = List.of(
                new ApprovalStepPlan("科室会签", List.of(CHIEF, DEPUTY, CLERK), SignOff.ALL), STEPS.get(1));
        fixture.givenNoPriorActivity()
                .when(new SubmitApprovalRequestCommand(ID, NANMING, VEHICLE_ORDER, "order-1", CLERK, SUMMARY, 3,
                        withRequester))
                .expectEvents(submitted());
    }

    @Test
    void aStepWithNobodyButTheRequesterCannotBeSubmitted() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApprovalRequestCommand(ID, NANMING, VEHICLE_ORDER, "order-1", CHIEF, SUMMARY, 3,
                        List.of(new ApprovalStepPlan("审批", List.of(CHIEF), SignOff.ANY))))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.NO_ELIGIBLE_APPROVER));
    }

    @Test
    void jointSignOffWaitsForEveryApproverThenAnyOneCompletesTheLastStep() {
        fixture.given(submitted())
                .when(decide(CHIEF, Decision.APPROVE, "同意"))
                .expectEvents(new ApprovalGivenEvent(ID, NANMING, 0, CHIEF, null, "同意"));
        fixture.given(submitted(), new ApprovalGivenEvent(ID, NANMING, 0, CHIEF, null, "同意"))
                .when(decide(DEPUTY, Decision.APPROVE, null))
                .expectEvents(new ApprovalGivenEvent(ID, NANMING, 0, DEPUTY, null, null),
                        new ApprovalStepCompletedEvent(ID, NANMING, 0));
        fixture.given(submitted(), new ApprovalGivenEvent(ID, NANMING, 0, CHIEF, null, "同意"),
                        new ApprovalGivenEvent(ID, NANMING, 0, DEPUTY, null, null),
                        new ApprovalStepCompletedEvent(ID, NANMING, 0))
                .when(decide(DIRECTOR, Decision.APPROVE, null))
                .expectEvents(new ApprovalGivenEvent(ID, NANMING, 1, DIRECTOR, null, null),
                        new ApprovalStepCompletedEvent(ID, NANMING, 1),
                        new ApprovalRequestApprovedEvent(ID, NANMING, VEHICLE_ORDER, "order-1", DIRECTOR));
    }

    @Test
    void onlyApproversOfTheCurrentStepDecideAndEachOnlyOnce() {
        fixture.given(submitted())
                .when(decide(DIRECTOR, Decision.APPROVE, null))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.NOT_AN_APPROVER));
        fixture.given(submitted(), new ApprovalGivenEvent(ID, NANMING, 0, CHIEF, null, null))
                .when(decide(CHIEF, Decision.APPROVE, null))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.NOT_AN_APPROVER));
        fixture.given(submitted())
                .when(decide(CLERK, Decision.APPROVE, null))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.NOT_AN_APPROVER));
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheRequest() {
        fixture.given(submitted())
                .when(decide(DEPUTY, Decision.REJECT, " "))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(submitted())
                .when(decide(DEPUTY, Decision.REJECT, "无公务必要"))
                .expectEvents(new ApprovalRequestRejectedEvent(ID, NANMING, VEHICLE_ORDER, "order-1", 0, DEPUTY,
                        "无公务必要"));
        fixture.given(submitted(), new ApprovalRequestRejectedEvent(ID, NANMING, VEHICLE_ORDER, "order-1", 0, DEPUTY,
                        "无公务必要"))
                .when(decide(CHIEF, Decision.APPROVE, null))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.APPROVAL_CLOSED));
    }

    @Test
    void aReturnSendsItBackToTheRequesterWithAComment() {
        fixture.given(submitted())
                .when(decide(CHIEF, Decision.RETURN, "请补充乘车人"))
                .expectEvents(new ApprovalRequestReturnedEvent(ID, NANMING, VEHICLE_ORDER, "order-1", 0, CHIEF,
                        "请补充乘车人"));
    }

    @Test
    void aDelegateActsForTheApproverWhoHandedOver() {
        String colleague = "user-nanming-colleague";
        fixture.given(submitted())
                .when(new DelegateApprovalCommand(ID, NANMING, DEPUTY, colleague))
                .expectEvents(new ApprovalDelegatedEvent(ID, NANMING, 0, DEPUTY, colleague));
        fixture.given(submitted(), new ApprovalDelegatedEvent(ID, NANMING, 0, DEPUTY, colleague),
                        new ApprovalGivenEvent(ID, NANMING, 0, CHIEF, null, null))
                .when(decide(colleague, Decision.APPROVE, null))
                .expectEvents(new ApprovalGivenEvent(ID, NANMING, 0, colleague, DEPUTY, null),
                        new ApprovalStepCompletedEvent(ID, NANMING, 0));
        fixture.given(submitted(), new ApprovalDelegatedEvent(ID, NANMING, 0, DEPUTY, colleague))
                .when(decide(DEPUTY, Decision.APPROVE, null))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.NOT_AN_APPROVER));
        for (String invalid : new String[]{CLERK, CHIEF}) {
            fixture.given(submitted())
                    .when(new DelegateApprovalCommand(ID, NANMING, DEPUTY, invalid))
                    .expectNoEvents()
                    .expectException(refusedWith(ApprovalErrorCode.INVALID_DELEGATE));
        }
    }

    @Test
    void theRequesterWithdrawsAnOpenRequestAndNobodyElseDoes() {
        fixture.given(submitted())
                .when(new WithdrawApprovalRequestCommand(ID, NANMING, CLERK))
                .expectEvents(new ApprovalRequestWithdrawnEvent(ID, NANMING, VEHICLE_ORDER, "order-1", CLERK));
        fixture.given(submitted())
                .when(new WithdrawApprovalRequestCommand(ID, NANMING, CHIEF))
                .expectNoEvents()
                .expectException(refusedWith(ApprovalErrorCode.NOT_THE_REQUESTER));
    }

    @Test
    void anotherBureausRequestIsNotFound() {
        fixture.given(submitted())
                .when(new DecideApprovalCommand(ID, "bureau-yunyan", CHIEF, Decision.APPROVE, null))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.NOT_FOUND));
    }
}
