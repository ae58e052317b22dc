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
import org.axonframework.eventhandling.EventHandler;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Takes a vehicle order through the approvals inbox (用车审批流程): a new order, and a returned order sent again, is
 * routed to its approvers under the bureau's policy; the approvals' outcome approves, rejects or returns the order;
 * withdrawing the approval cancels the order, and cancelling the order withdraws the approval it was waiting for.
 * Commands travel with the metadata of the event that caused them, so the record names the approver or requester who
 * acted.
 * <p>
 * It keeps no state of its own: each event names everything its command needs (an approval names its subject, a
 * cancelled order the approval it was waiting for). Until 2026-11-27 it was a saga, whose store took two more writes
 * per order; its event processor keeps the saga's processor's name, so it carries on from where the saga had got to
 * (ADR 0018).
 */
public class VehicleOrderApprovalProcess {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final String WITHDRAWN_REASON = "申请人撤回审批";

    private final CommandGateway commands;

    public VehicleOrderApprovalProcess(CommandGateway commands) {
        this.commands = commands;
    }

    /** The approval of the order's first submission. */
    public static String approvalIdOf(String orderId) {
        return VehicleOrderApprovalIds.of(orderId, 1);
    }

    @EventHandler
    void on(VehicleOrderedEvent event) {
        commands.send(new RouteApprovalCommand(approvalIdOf(event.orderId()), event.tenantId(),
                SubjectType.VEHICLE_ORDER, event.orderId(), event.requesterId(),
                summaryOf(event.plannedWindow(), event.origin(), event.destination(), event.purpose()),
                event.plannedWindow().start(), event.plannedWindow().end(), null));
    }

    /** A returned order sent again takes a new approval, under the policy in force now. */
    @EventHandler
    void on(VehicleOrderResubmittedEvent event) {
        commands.send(new RouteApprovalCommand(VehicleOrderApprovalIds.of(event.orderId(), event.submission()),
                event.tenantId(), SubjectType.VEHICLE_ORDER, event.orderId(), event.requesterId(),
                summaryOf(event.plannedWindow(), event.origin(), event.destination(), event.purpose()),
                event.plannedWindow().start(), event.plannedWindow().end(), null));
    }

    @EventHandler
    void on(ApprovalRequestApprovedEvent event) {
        if (ofAnOrder(event.subjectType())) {
            commands.send(new ApproveVehicleOrderCommand(event.subjectId(), event.tenantId(), event.approverId(),
                    null));
        }
    }

    @EventHandler
    void on(ApprovalRequestRejectedEvent event) {
        if (ofAnOrder(event.subjectType())) {
            commands.send(new RejectVehicleOrderCommand(event.subjectId(), event.tenantId(), event.deciderId(),
                    event.reason()));
        }
    }

    @EventHandler
    void on(ApprovalRequestReturnedEvent event) {
        if (ofAnOrder(event.subjectType())) {
            commands.send(new ReturnVehicleOrderCommand(event.subjectId(), event.tenantId(), event.deciderId(),
                    event.comment()));
        }
    }

    @EventHandler
    void on(ApprovalRequestWithdrawnEvent event) {
        if (ofAnOrder(event.subjectType())) {
            commands.send(new CancelVehicleOrderCommand(event.subjectId(), event.tenantId(), event.requesterId(),
                    WITHDRAWN_REASON));
        }
    }

    /**
     * An order cancelled while waiting withdraws its approval. Where the approval's withdrawal cancelled the order,
     * the approval is closed already and refuses: nothing changes, as with any decision that crosses a cancellation.
     */
    @EventHandler
    void on(VehicleOrderCancelledEvent event) {
        if (event.openApprovalId() != null) {
            commands.send(new WithdrawApprovalRequestCommand(event.openApprovalId(), event.tenantId(),
                    event.cancelledBy()));
        }
    }

    private static boolean ofAnOrder(SubjectType subject) {
        return subject == SubjectType.VEHICLE_ORDER;
    }

    /** What the approver sees in the inbox: when, from where to where, and why. */
    static String summaryOf(TimeWindow window, String origin, String destination, String purpose) {
        String summary = "用车 " + WHEN.format(window.start()) + "–" + WHEN.format(window.end()) + " " + origin + " → "
                + destination + "：" + purpose;
        return FreeText.shortened(summary, 200);
    }
}
