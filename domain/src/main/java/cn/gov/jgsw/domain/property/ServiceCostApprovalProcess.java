package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.approvals.api.ApprovalRequestApprovedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestRejectedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestReturnedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestWithdrawnEvent;
import cn.gov.jgsw.domain.approvals.api.RouteApprovalCommand;
import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.domain.property.api.CostApprovalIds;
import cn.gov.jgsw.domain.property.api.CostApprovalOutcome;
import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.SettleServiceCostCommand;
import cn.gov.jgsw.domain.shared.api.FreeText;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

import java.math.BigDecimal;

/**
 * Takes a quoted service cost through the approvals inbox (维修费用审批): the quote is routed to the bureau's approvers
 * under its property-service policy, with the cost for {@code COST_OVER_<yuan>} steps; the approval's outcome is
 * recorded on the service request. The assignee who quoted is the approval's requester: they may withdraw it, and
 * they never approve it. Commands travel with the metadata of the event that caused them, so the record names who
 * acted.
 */
public class ServiceCostApprovalProcess {

    private String requestId;
    private String tenantId;
    private int quoteNumber;

    // A new saga per quote: a request may be quoted again after its earlier quote was settled.
    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = "requestId")
    void on(ServiceCostQuotedEvent event, CommandGateway commands) {
        requestId = event.requestId();
        tenantId = event.tenantId();
        quoteNumber = event.quoteNumber();
        String approvalId = CostApprovalIds.of(requestId, quoteNumber);
        // Only the approval's outcome concerns this saga from here on, not later events of the request.
        SagaLifecycle.associateWith("approvalId", approvalId);
        SagaLifecycle.removeAssociationWith("requestId", requestId);
        commands.send(new RouteApprovalCommand(approvalId, tenantId, SubjectType.PROPERTY_SERVICE, requestId,
                event.staffId(), summaryOf(event), null, null, event.costFen()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestApprovedEvent event, CommandGateway commands) {
        settle(commands, CostApprovalOutcome.APPROVED, event.approverId(), null);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestRejectedEvent event, CommandGateway commands) {
        settle(commands, CostApprovalOutcome.REJECTED, event.deciderId(), event.reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestReturnedEvent event, CommandGateway commands) {
        settle(commands, CostApprovalOutcome.RETURNED, event.deciderId(), event.comment());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "approvalId")
    void on(ApprovalRequestWithdrawnEvent event, CommandGateway commands) {
        settle(commands, CostApprovalOutcome.WITHDRAWN, event.requesterId(), null);
    }

    private void settle(CommandGateway commands, CostApprovalOutcome outcome, String decidedBy, String comment) {
        commands.send(new SettleServiceCostCommand(requestId, tenantId, quoteNumber, outcome, decidedBy, comment));
    }

    /** What the approver sees in the inbox: the amount in yuan, where, and what for. */
    static String summaryOf(ServiceCostQuotedEvent event) {
        String yuan = BigDecimal.valueOf(event.costFen(), 2).toPlainString();
        String summary = "物业费用 ¥" + yuan + " " + event.building() + " " + event.room() + "：" + event.note();
        return FreeText.shortened(summary, 200);
    }
}
