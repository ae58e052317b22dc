package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.RouteApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.WithdrawApprovalRequestCommand;
import cn.gov.jgsw.domain.vehicles.api.ApproveVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CancelVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.RejectVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.ReturnVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovalIds;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderResubmittedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.gov.jgsw.domain.approvals.api.SubjectType.VEHICLE_ORDER;

class VehicleOrderApprovalProcessTest {

    private static final String ORDER = "order-1";
    private static final String APPROVAL = VehicleOrderApprovalProcess.approvalIdOf(ORDER);
    private static final String NANMING = "bureau-nanming";
    private static final String CLERK = "user-nanming-civil-servant";
    private static final String APPROVER = "user-nanming-approver";
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T01:00:00Z"),
            Instant.parse("2026-12-01T03:00:00Z"));

    private final SagaTestFixture<VehicleOrderApprovalProcess> fixture =
            new SagaTestFixture<>(VehicleOrderApprovalProcess.class);

    private static VehicleOrderedEvent ordered() {
        return new VehicleOrderedEvent(ORDER, NANMING, CLERK, "bureau-nanming-office", "参加全省会议", "南明区政府",
                "省局", WINDOW, 2, CarClass.SEDAN, Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void aNewOrderIsRoutedToItsApprovers() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(ordered())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RouteApprovalCommand(APPROVAL, NANMING, VEHICLE_ORDER, ORDER, CLERK,
                        "用车 12-01 09:00–12-01 11:00 南明区政府 → 省局：参加全省会议", WINDOW.start(), WINDOW.end(), null));
    }

    @Test
    void theApprovalsOutcomeDecidesTheOrder() {
        fixture.givenAggregate(ORDER).published(ordered())
                .whenAggregate(APPROVAL).publishes(new ApprovalRequestApprovedEvent(APPROVAL, NANMING, VEHICLE_ORDER,
                        ORDER, APPROVER))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null));
        fixture.givenAggregate(ORDER).published(ordered())
                .whenAggregate(APPROVAL).publishes(new ApprovalRequestRejectedEvent(APPROVAL, NANMING, VEHICLE_ORDER,
                        ORDER, 0, APPROVER, "无公务必要"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RejectVehicleOrderCommand(ORDER, NANMING, APPROVER, "无公务必要"));
        fixture.givenAggregate(ORDER).published(ordered())
                .whenAggregate(APPROVAL).publishes(new ApprovalRequestReturnedEvent(APPROVAL, NANMING, VEHICLE_ORDER,
                        ORDER, 0, APPROVER, "请补充乘车人"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReturnVehicleOrderCommand(ORDER, NANMING, APPROVER, "请补充乘车人"));
    }

    @Test
    void withdrawingTheApprovalCancelsTheOrderAndCancellingTheOrderWithdrawsTheApproval() {
        fixture.givenAggregate(ORDER).published(ordered())
                .whenAggregate(APPROVAL).publishes(new ApprovalRequestWithdrawnEvent(APPROVAL, NANMING, VEHICLE_ORDER,
                        ORDER, CLERK))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new CancelVehicleOrderCommand(ORDER, NANMING, CLERK,
                        VehicleOrderApprovalProcess.WITHDRAWN_REASON));
        fixture.givenAggregate(ORDER).published(ordered())
                .whenAggregate(ORDER).publishes(new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, "会议取消"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new WithdrawApprovalRequestCommand(APPROVAL, NANMING, CLERK));
    }

    @Test
    void aReturnedOrderSentAgainTakesANewApproval() {
        String second = VehicleOrderApprovalIds.of(ORDER, 2);
        TimeWindow afternoon = new TimeWindow(Instant.parse("2026-12-01T06:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"));
        fixture.givenAggregate(ORDER).published(ordered())
                .andThenAggregate(APPROVAL).published(new ApprovalRequestReturnedEvent(APPROVAL, NANMING,
                        VEHICLE_ORDER, ORDER, 0, APPROVER, "请改为下午出发"))
                .whenAggregate(ORDER).publishes(new VehicleOrderResubmittedEvent(ORDER, NANMING, CLERK, 2,
                        "参加全省会议", "南明区政府", "省局", afternoon, 2, CarClass.SEDAN,
                        Instant.parse("2026-11-30T02:00:00Z")))
                .expectActiveSagas(1)
                .expectAssociationWith("approvalId", second)
                .expectDispatchedCommands(new RouteApprovalCommand(second, NANMING, VEHICLE_ORDER, ORDER, CLERK,
                        "用车 12-01 14:00–12-01 16:00 南明区政府 → 省局：参加全省会议", afternoon.start(),
                        afternoon.end(), null));
    }

    @Test
    void theNewApprovalsOutcomeDecidesTheOrder() {
        String second = VehicleOrderApprovalIds.of(ORDER, 2);
        fixture.givenAggregate(ORDER).published(new VehicleOrderResubmittedEvent(ORDER, NANMING, CLERK, 2,
                        "参加全省会议", "南明区政府", "省局", WINDOW, 2, CarClass.SEDAN,
                        Instant.parse("2026-11-30T02:00:00Z")))
                .whenAggregate(second).publishes(new ApprovalRequestApprovedEvent(second, NANMING, VEHICLE_ORDER,
                        ORDER, APPROVER))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null));
    }
}
