package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCostSettledEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestAcceptedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkFinishedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkStartedEvent;
import cn.gov.jgsw.graphql.updates.MyUpdate;
import cn.gov.jgsw.graphql.updates.MyUpdate.UpdateKind;
import cn.gov.jgsw.graphql.updates.UpdatesOfAContext;
import cn.gov.jgsw.projections.property.api.FindServiceRequestQuery;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** A property service request's new status reaches its requester's phone (read from the requests view). */
@Component
class ServiceRequestUpdates implements UpdatesOfAContext {

    private final QueryGateway queries;

    ServiceRequestUpdates(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<MyUpdate> of(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ServiceRequestAcceptedEvent e) {
            return request(e.tenantId(), e.requestId(), "ACCEPTED", event);
        }
        if (payload instanceof ServiceCostQuotedEvent e) {
            return request(e.tenantId(), e.requestId(), "AWAITING_COST_APPROVAL", event);
        }
        if (payload instanceof ServiceCostSettledEvent e) {
            return request(e.tenantId(), e.requestId(), "ACCEPTED", event);
        }
        if (payload instanceof ServiceWorkStartedEvent e) {
            return request(e.tenantId(), e.requestId(), "IN_PROGRESS", event);
        }
        if (payload instanceof ServiceWorkFinishedEvent e) {
            return request(e.tenantId(), e.requestId(), "FINISHED", event);
        }
        return List.of();
    }

    private List<MyUpdate> request(String tenantId, String requestId, String status, EventMessage<?> event) {
        return queries.query(new FindServiceRequestQuery(tenantId, requestId),
                        ResponseTypes.optionalInstanceOf(ServiceRequestView.class)).join()
                .map(request -> List.of(new MyUpdate(tenantId, request.requesterId(),
                        UpdateKind.SERVICE_REQUEST_STATUS, requestId, status, event.getTimestamp())))
                .orElse(List.of());
    }
}
