package cn.gov.jgsw.graphql.approvals;

import cn.gov.jgsw.domain.approvals.api.SubjectType;
import cn.gov.jgsw.graphql.runtime.ReferenceBatches;
import cn.gov.jgsw.projections.approvals.api.ApprovalView;
import cn.gov.jgsw.projections.property.api.FindServiceRequestsByIdQuery;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import cn.gov.jgsw.projections.vehicles.api.FindVehicleOrdersByIdQuery;
import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The requester and the subject of each approval of an inbox page, fetched once per page rather than per approval. */
@Controller
public class ApprovalFields {

    private final PersonDirectory people;
    private final QueryGateway queries;

    public ApprovalFields(PersonDirectory people, QueryGateway queries) {
        this.people = people;
        this.queries = queries;
    }

    @BatchMapping(typeName = "Approval", field = "requester")
    public Map<ApprovalView, PersonView> requester(List<ApprovalView> approvals) {
        return ReferenceBatches.resolve(approvals, ApprovalView::tenantId, ApprovalView::requesterId,
                (tenantId, ids) -> people.findPeople(tenantId, ids).stream()
                        .collect(Collectors.toMap(PersonView::userId, person -> person)));
    }

    @BatchMapping(typeName = "Approval", field = "vehicleOrder")
    public Map<ApprovalView, VehicleOrderView> vehicleOrder(List<ApprovalView> approvals) {
        return ReferenceBatches.resolve(approvals, ApprovalView::tenantId,
                approval -> approval.subjectType() == SubjectType.VEHICLE_ORDER ? approval.subjectId() : null,
                (tenantId, ids) -> queries.query(new FindVehicleOrdersByIdQuery(tenantId, ids),
                                ResponseTypes.multipleInstancesOf(VehicleOrderView.class)).join().stream()
                        .collect(Collectors.toMap(VehicleOrderView::id, order -> order)));
    }

    @BatchMapping(typeName = "Approval", field = "serviceRequest")
    public Map<ApprovalView, ServiceRequestView> serviceRequest(List<ApprovalView> approvals) {
        return ReferenceBatches.resolve(approvals, ApprovalView::tenantId,
                approval -> approval.subjectType() == SubjectType.PROPERTY_SERVICE ? approval.subjectId() : null,
                (tenantId, ids) -> queries.query(new FindServiceRequestsByIdQuery(tenantId, ids),
                                ResponseTypes.multipleInstancesOf(ServiceRequestView.class)).join().stream()
                        .collect(Collectors.toMap(ServiceRequestView::id, request -> request)));
    }
}
