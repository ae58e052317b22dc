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
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.gov.jgsw.domain.approvals.api.SubjectType.PROPERTY_SERVICE;
import static cn.gov.jgsw.domain.approvals.api.SubjectType.VEHICLE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval process's commands, for each event it follows, through Axon's recording command bus: the process keeps
 * no state, so each event alone decides its command.
 */
class VehicleOrderApprovalProcessTest {

    private static final String ORDER = "order-1";
    private static final String APPROVAL = VehicleOrderApprovalProcess.approvalIdOf(ORDER);
    private static final String NANMING = "bureau-nanming";
    private static final String CLERK = "user-nanming-civil-servant";
    private static final String APPROVER = "user-nanming-approver";
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T01:00:00Z"),
            Instant.parse("2026-12-01T03:00:00Z"));

    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final VehicleOrderApprovalProcess process =
            new VehicleOrderApprovalProcess(DefaultCommandGateway.builder().commandBus(commandBus).build());

    private static VehicleOrderedEvent ordered() {
        return new VehicleOrderedEvent(ORDER, NANMING, CLERK, "bureau-nanming-office", "参加全省会议", "南明区政府",
                "省局", WINDOW, 2, CarClass.SEDAN, Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void aNewOrderIsRoutedToItsApprovers() {
        process.on(ordered());

        assertThat(sent()).containsExactly(new RouteApprovalCommand(APPROVAL, NANMING, VEHICLE_ORDER, ORDER, CLERK,
                "用车 12-01 09:00–12-01 11:00 南明区政府 → 省局：参加全省会议", WINDOW.start(), WINDOW.end(), null));
    }

    @Test
    void theApprovalsOutcomeDecidesTheOrder() {
        process.on(new ApprovalRequestApprovedEvent(APPROVAL, NANMING, VEHICLE_ORDER, ORDER, APPROVER));
        process.on(new ApprovalRequestRejectedEvent(APPROVAL, NANMING, VEHICLE_ORDER, ORDER, 0, APPROVER, "无公务必要"));
        process.on(new ApprovalRequestReturnedEvent(APPROVAL, NANMING, VEHICLE_ORDER, ORDER, 0, APPROVER, "请补充乘车人"));

        assertThat(sent()).containsExactly(new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null),
                new RejectVehicleOrderCommand(ORDER, NANMING, APPROVER, "无公务必要"),
                new ReturnVehicleOrderCommand(ORDER, NANMING, APPROVER, "请补充乘车人"));
    }

    @Test
    void theOutcomeOfAnotherSubjectsApprovalIsNotAnOrders() {
        String costApproval = "cost-approval-request-1-1";
        process.on(new ApprovalRequestApprovedEvent(costApproval, NANMING, PROPERTY_SERVICE, "request-1", APPROVER));
        process.on(new ApprovalRequestRejectedEvent(costApproval, NANMING, PROPERTY_SERVICE, "request-1", 0, APPROVER,
                "太贵"));
        process.on(new ApprovalRequestReturnedEvent(costApproval, NANMING, PROPERTY_SERVICE, "request-1", 0, APPROVER,
                "请再报价"));
        process.on(new ApprovalRequestWithdrawnEvent(costApproval, NANMING, PROPERTY_SERVICE, "request-1", CLERK));

        assertThat(sent()).isEmpty();
    }

    @Test
    void withdrawingTheApprovalCancelsTheOrderAndCancellingTheOrderWithdrawsTheApproval() {
        process.on(new ApprovalRequestWithdrawnEvent(APPROVAL, NANMING, VEHICLE_ORDER, ORDER, CLERK));
        process.on(new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, "会议取消", APPROVAL));

        assertThat(sent()).containsExactly(
                new CancelVehicleOrderCommand(ORDER, NANMING, CLERK, VehicleOrderApprovalProcess.WITHDRAWN_REASON),
                new WithdrawApprovalRequestCommand(APPROVAL, NANMING, CLERK));
    }

    @Test
    void anOrderCancelledWhenNoLongerWaitingWithdrawsNothing() {
        process.on(new VehicleOrderCancelledEvent(ORDER, NANMING, CLERK, "会议取消", null));

        assertThat(sent()).isEmpty();
    }

    @Test
    void aReturnedOrderSentAgainTakesANewApprovalWhoseOutcomeDecidesTheOrder() {
        String second = VehicleOrderApprovalIds.of(ORDER, 2);
        TimeWindow afternoon = new TimeWindow(Instant.parse("2026-12-01T06:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"));
        process.on(new VehicleOrderResubmittedEvent(ORDER, NANMING, CLERK, 2, "参加全省会议", "南明区政府", "省局",
                afternoon, 2, CarClass.SEDAN, Instant.parse("2026-11-30T02:00:00Z")));
        process.on(new ApprovalRequestApprovedEvent(second, NANMING, VEHICLE_ORDER, ORDER, APPROVER));

        assertThat(sent()).containsExactly(new RouteApprovalCommand(second, NANMING, VEHICLE_ORDER, ORDER, CLERK,
                        "用车 12-01 14:00–12-01 16:00 南明区政府 → 省局：参加全省会议", afternoon.start(),
                        afternoon.end(), null),
                new ApproveVehicleOrderCommand(ORDER, NANMING, APPROVER, null));
    }

    private List<Object> sent() {
        return commandBus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast)
                .toList();
    }
}
