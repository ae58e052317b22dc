package cn.gov.jgsw.graphql.updates;

import cn.gov.jgsw.domain.approvals.api.ApprovalDelegatedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalRequestSubmittedEvent;
import cn.gov.jgsw.domain.approvals.api.ApprovalStepCompletedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCostSettledEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestAcceptedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkFinishedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderRejectedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderReturnedEvent;
import cn.gov.jgsw.graphql.updates.MyUpdate.UpdateKind;
import cn.gov.jgsw.projections.approvals.api.ApprovalView;
import cn.gov.jgsw.projections.approvals.api.FindApprovalQuery;
import cn.gov.jgsw.projections.property.api.FindServiceRequestQuery;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import cn.gov.jgsw.projections.vehicleorders.api.FindVehicleOrderQuery;
import cn.gov.jgsw.projections.vehicleorders.api.VehicleOrderView;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who an event concerns, as updates: the approvers a request now waits for, the requester of an order or a service
 * request whose status changed. Requesters and later steps' approvers are read from the read models, which hold them
 * from the subject's first event on.
 */
@Component
public class UpdatesOfEvents {

    private final QueryGateway queries;

    public UpdatesOfEvents(QueryGateway queries) {
        this.queries = queries;
    }

    public List<MyUpdate> of(EventMessage<?> event) {
        Object payload = event.getPayload();
        Instant at = event.getTimestamp();
        if (payload instanceof ApprovalRequestSubmittedEvent submitted) {
            return waiting(submitted.tenantId(), submitted.approvalId(), submitted.steps().get(0).approverIds(), at);
        }
        if (payload instanceof ApprovalDelegatedEvent delegated) {
            return waiting(delegated.tenantId(), delegated.approvalId(), List.of(delegated.delegateId()), at);
        }
        if (payload instanceof ApprovalStepCompletedEvent completed) {
            return approval(completed.tenantId(), completed.approvalId())
                    .filter(approval -> completed.stepIndex() + 1 < approval.steps().size())
                    .map(approval -> waiting(approval.tenantId(), approval.id(),
                            approval.steps().get(completed.stepIndex() + 1).approverIds(), at))
                    .orElse(List.of());
        }
        if (payload instanceof VehicleOrderApprovedEvent e) {
            return order(e.tenantId(), e.orderId(), "APPROVED", at);
        }
        if (payload instanceof VehicleOrderRejectedEvent e) {
            return order(e.tenantId(), e.orderId(), "REJECTED", at);
        }
        if (payload instanceof VehicleOrderReturnedEvent e) {
            return order(e.tenantId(), e.orderId(), "RETURNED", at);
        }
        if (payload instanceof VehicleOrderCancelledEvent e) {
            return order(e.tenantId(), e.orderId(), "CANCELLED", at);
        }
        if (payload instanceof VehicleOrderDispatchedEvent e) {
            return order(e.tenantId(), e.orderId(), "DISPATCHED", at);
        }
        if (payload instanceof TripStartedEvent e) {
            return order(e.tenantId(), e.orderId(), "IN_TRIP", at);
        }
        if (payload instanceof VehicleOrderCompletedEvent e) {
            return order(e.tenantId(), e.orderId(), "COMPLETED", at);
        }
        if (payload instanceof ServiceRequestAcceptedEvent e) {
            return serviceRequest(e.tenantId(), e.requestId(), "ACCEPTED", at);
        }
        if (payload instanceof ServiceCostQuotedEvent e) {
            return serviceRequest(e.tenantId(), e.requestId(), "AWAITING_COST_APPROVAL", at);
        }
        if (payload instanceof ServiceCostSettledEvent e) {
            return serviceRequest(e.tenantId(), e.requestId(), "ACCEPTED", at);
        }
        if (payload instanceof ServiceWorkStartedEvent e) {
            return serviceRequest(e.tenantId(), e.requestId(), "IN_PROGRESS", at);
        }
        if (payload instanceof ServiceWorkFinishedEvent e) {
            return serviceRequest(e.tenantId(), e.requestId(), "FINISHED", at);
        }
        return List.of();
    }

    private static List<MyUpdate> waiting(String tenantId, String approvalId, List<String> approvers, Instant at) {
        return approvers.stream().map(approver -> new MyUpdate(tenantId, approver, UpdateKind.APPROVAL_WAITING,
                approvalId, "PENDING", at)).toList();
    }

    private List<MyUpdate> order(String tenantId, String orderId, String status, Instant at) {
        return queries.query(new FindVehicleOrderQuery(tenantId, orderId),
                        ResponseTypes.optionalInstanceOf(VehicleOrderView.class)).join()
                .map(order -> List.of(new MyUpdate(tenantId, order.requesterId(), UpdateKind.VEHICLE_ORDER_STATUS,
                        orderId, status, at)))
                .orElse(List.of());
    }

    private List<MyUpdate> serviceRequest(String tenantId, String requestId, String status, Instant at) {
        return queries.query(new FindServiceRequestQuery(tenantId, requestId),
                        ResponseTypes.optionalInstanceOf(ServiceRequestView.class)).join()
                .map(request -> List.of(new MyUpdate(tenantId, request.requesterId(),
                        UpdateKind.SERVICE_REQUEST_STATUS, requestId, status, at)))
                .orElse(List.of());
    }

    private Optional<ApprovalView> approval(String tenantId, String approvalId) {
        return queries.query(new FindApprovalQuery(tenantId, approvalId),
                ResponseTypes.optionalInstanceOf(ApprovalView.class)).join();
    }
}
