package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.RouteApprovalCommand;
import cn.gov.jgsw.domain.property.api.CostApprovalIds;
import cn.gov.jgsw.domain.property.api.CostApprovalOutcome;
import cn.gov.jgsw.domain.property.api.ServiceCategory;
import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkStartedEvent;
import cn.gov.jgsw.domain.property.api.SettleServiceCostCommand;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;

import static cn.gov.jgsw.domain.approvals.api.SubjectType.PROPERTY_SERVICE;

class ServiceCostApprovalProcessTest {

    private static final String REQUEST = "service-1";
    private static final String NANMING = "bureau-nanming";
    private static final String STAFF = "user-nanming-property-staff";
    private static final String APPROVER = "user-nanming-approver";
    private static final String FIRST = CostApprovalIds.of(REQUEST, 1);
    private static final String SECOND = CostApprovalIds.of(REQUEST, 2);

    private final SagaTestFixture<ServiceCostApprovalProcess> fixture =
            new SagaTestFixture<>(ServiceCostApprovalProcess.class);

    private static ServiceCostQuotedEvent quoted(int number) {
        return new ServiceCostQuotedEvent(REQUEST, NANMING, STAFF, number, 620_050, "更换空调压缩机",
                ServiceCategory.REPAIR, "1号楼", "301");
    }

    @Test
    void aQuotedCostIsRoutedWithItsAmountAndTheAssigneeAsRequester() {
        fixture.givenNoPriorActivity()
                .whenAggregate(REQUEST).publishes(quoted(1))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RouteApprovalCommand(FIRST, NANMING, PROPERTY_SERVICE, REQUEST, STAFF,
                        "物业费用 ¥6200.50 1号楼 301：更换空调压缩机", null, null, 620_050L));
    }

    @Test
    void theApprovalsOutcomeSettlesTheQuote() {
        fixture.givenAggregate(REQUEST).published(quoted(1))
                .whenAggregate(FIRST).publishes(new ApprovalRequestApprovedEvent(FIRST, NANMING, PROPERTY_SERVICE,
                        REQUEST, APPROVER))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new SettleServiceCostCommand(REQUEST, NANMING, 1,
                        CostApprovalOutcome.APPROVED, APPROVER, null));
        fixture.givenAggregate(REQUEST).published(quoted(1))
                .whenAggregate(FIRST).publishes(new ApprovalRequestRejectedEvent(FIRST, NANMING, PROPERTY_SERVICE,
                        REQUEST, 0, APPROVER, "超出年度预算"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new SettleServiceCostCommand(REQUEST, NANMING, 1,
                        CostApprovalOutcome.REJECTED, APPROVER, "超出年度预算"));
        fixture.givenAggregate(REQUEST).published(quoted(1))
                .whenAggregate(FIRST).publishes(new ApprovalRequestReturnedEvent(FIRST, NANMING, PROPERTY_SERVICE,
                        REQUEST, 0, APPROVER, "请附两家报价"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new SettleServiceCostCommand(REQUEST, NANMING, 1,
                        CostApprovalOutcome.RETURNED, APPROVER, "请附两家报价"));
        fixture.givenAggregate(REQUEST).published(quoted(1))
                .whenAggregate(FIRST).publishes(new ApprovalRequestWithdrawnEvent(FIRST, NANMING, PROPERTY_SERVICE,
                        REQUEST, STAFF))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new SettleServiceCostCommand(REQUEST, NANMING, 1,
                        CostApprovalOutcome.WITHDRAWN, STAFF, null));
    }

    @Test
    void aSecondQuoteHasItsOwnApproval() {
        fixture.givenAggregate(REQUEST).published(quoted(1))
                .andThenAggregate(FIRST).published(new ApprovalRequestReturnedEvent(FIRST, NANMING, PROPERTY_SERVICE,
                        REQUEST, 0, APPROVER, "请附两家报价"))
                .whenAggregate(REQUEST).publishes(quoted(2))
                .expectActiveSagas(1)
                .expectAssociationWith("approvalId", SECOND)
                .expectDispatchedCommands(new RouteApprovalCommand(SECOND, NANMING, PROPERTY_SERVICE, REQUEST, STAFF,
                        "物业费用 ¥6200.50 1号楼 301：更换空调压缩机", null, null, 620_050L));
    }

    @Test
    void laterEventsOfTheRequestLeaveTheSagaAlone() {
        fixture.givenAggregate(REQUEST).published(quoted(1))
                .whenAggregate(REQUEST).publishes(new ServiceWorkStartedEvent(REQUEST, NANMING, STAFF))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }
}
