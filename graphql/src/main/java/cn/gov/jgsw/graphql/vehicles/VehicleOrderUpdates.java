package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.TripStartedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderApprovedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCancelledEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderCompletedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderDispatchedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderRejectedEvent;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderReturnedEvent;
import cn.gov.jgsw.graphql.updates.MyUpdate;
import cn.gov.jgsw.graphql.updates.MyUpdate.UpdateKind;
import cn.gov.jgsw.graphql.updates.UpdatesOfAContext;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrderQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** A vehicle order's new status reaches its requester's phone (the requester read from the orders view). */
@Component
class VehicleOrderUpdates implements UpdatesOfAContext {

    private final QueryGateway queries;

    VehicleOrderUpdates(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<MyUpdate> of(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof VehicleOrderApprovedEvent e) {
            return order(e.tenantId(), e.orderId(), "APPROVED", event);
        }
        if (payload instanceof VehicleOrderRejectedEvent e) {
            return order(e.tenantId(), e.orderId(), "REJECTED", event);
        }
        if (payload instanceof VehicleOrderReturnedEvent e) {
            return order(e.tenantId(), e.orderId(), "RETURNED", event);
        }
        if (payload instanceof VehicleOrderCancelledEvent e) {
            return order(e.tenantId(), e.orderId(), "CANCELLED", event);
        }
        if (payload instanceof VehicleOrderDispatchedEvent e) {
            return order(e.tenantId(), e.orderId(), "DISPATCHED", event);
        }
        if (payload instanceof TripStartedEvent e) {
            return order(e.tenantId(), e.orderId(), "IN_TRIP", event);
        }
        if (payload instanceof VehicleOrderCompletedEvent e) {
            return order(e.tenantId(), e.orderId(), "COMPLETED", event);
        }
        return List.of();
    }

    private List<MyUpdate> order(String tenantId, String orderId, String status, EventMessage<?> event) {
        return queries.query(new FindVehicleOrderQuery(tenantId, orderId),
                        ResponseTypes.optionalInstanceOf(VehicleOrderView.class)).join()
                .map(order -> List.of(new MyUpdate(tenantId, order.requesterId(), UpdateKind.VEHICLE_ORDER_STATUS,
                        orderId, status, event.getTimestamp())))
                .orElse(List.of());
    }
}
