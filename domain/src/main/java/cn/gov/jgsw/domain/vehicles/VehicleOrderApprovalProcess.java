package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.RouteApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.domain.approvals.api.WithdrawApprovalRequestCommand;
import cn.gov.jgsw.domain.shared.api.FreeText;
import cn.gov.jgsw.domain.vehicles.api.ApproveVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.CancelVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.RejectVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.ReturnVehicleOrderCommand;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovalIds;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderResubmittedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Takes a vehicle order through the approvals inbox (用车审批流程): a new order, and a returned order sent again, is
 * routed to its approvers under the bureau's policy; the approvals' outcome approves, rejects or returns the order; withdrawing the approval cancels the
 * order, and cancelling the order withdraws the approval. Commands travel with the metadata of the event that caused
 * them, so the record names the approver or requester who acted.
 */
public class VehicleOrderApprovalProcess {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final String WITHDRAWN_REASON = "申请人撤回审批";

    private String orderId;
    private String tenantId;
    private String requesterId;
    private String approvalId;

    /** The approval of the order's first submission. */
    public static String approvalIdOf(String orderId) {
        return VehicleOrderApprovalIds.of(orderId, 1);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(VehicleOrderedEvent event, CommandGateway commands) {
        orderId = event.orderId();
        tenantId = event.tenantId();
        requesterId = event.requesterId();
        approvalId = VehicleOrderApprovalIds.of(orderId, 1);
        SagaLifecycle.associateWith("approvalId", approvalId);
        commands.send(new RouteApprovalCommand(approvalId, tenantId, SubjectType.VEHICLE_ORDER, orderId, requesterId,
                summaryOf(event.plannedWindow(), event.origin(), event.destination(), event.purpose()),
                event.plannedWindow().start(), event.plannedWindow().end(), null));
    }

    /** A returned order sent again takes a new approval, under the policy in force now: a new process. */
    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = "orderId")
    void on(VehicleOrderResubmittedEvent event, CommandGateway commands) {
        orderId = event.orderId();
        tenantId = event.tenantId();
        requesterId = event.requesterId();
        approvalId = VehicleOrderApprovalIds.of(orderId, event.submission());
        SagaLifecycle.associateWith("approvalId", approvalId);
        commands.send(new RouteApprovalCommand(approvalId, tenantId, SubjectType.VEHICLE_ORDER, orderId, requesterId,
                summaryOf(event.plannedWindow(), event.origin(), event.destination(), event.purpose()),
                event.plannedWindow().start(), event.plannedWindow().end(), null));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestApprovedEvent event, CommandGateway commands) {
        commands.send(new ApproveVehicleOrderCommand(orderId, tenantId, event.approverId(), null));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestRejectedEvent event, CommandGateway commands) {
        commands.send(new RejectVehicleOrderCommand(orderId, tenantId, event.deciderId(), event.reason()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestReturnedEvent event, CommandGateway commands) {
        commands.send(new ReturnVehicleOrderCommand(orderId, tenantId, event.deciderId(), event.comment()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestWithdrawnEvent event, CommandGateway commands) {
        commands.send(new CancelVehicleOrderCommand(orderId, tenantId, requesterId, WITHDRAWN_REASON));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(VehicleOrderCancelledEvent event, CommandGateway commands) {
        commands.send(new WithdrawApprovalRequestCommand(approvalId, tenantId, requesterId));
    }

    /** What the approver sees in the inbox: when, from where to where, and why. */
    static String summaryOf(TimeWindow window, String origin, String destination, String purpose) {
        String summary = "用车 " + WHEN.format(window.start()) + "–" + WHEN.format(window.end()) + " " + origin + " → "
                + destination + "：" + purpose;
        return FreeText.shortened(summary, 200);
    }
}
