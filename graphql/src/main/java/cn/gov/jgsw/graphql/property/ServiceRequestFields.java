package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.graphql.runtime.ReferenceBatches;
import cn.gov.jgsw.projections.property.api.ServiceRequestView;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The people a service request refers to, fetched once per list rather than once per request. */
@Controller
public class ServiceRequestFields {

    private final PersonDirectory people;

    public ServiceRequestFields(PersonDirectory people) {
        this.people = people;
    }

    @BatchMapping(typeName = "ServiceRequest", field = "requester")
    public Map<ServiceRequestView, PersonView> requester(List<ServiceRequestView> requests) {
        return ReferenceBatches.resolve(requests, ServiceRequestView::tenantId, ServiceRequestView::requesterId,
                this::peopleById);
    }

    @BatchMapping(typeName = "ServiceRequest", field = "assignee")
    public Map<ServiceRequestView, PersonView> assignee(List<ServiceRequestView> requests) {
        return ReferenceBatches.resolve(requests, ServiceRequestView::tenantId, ServiceRequestView::assigneeId,
                this::peopleById);
    }

    @SchemaMapping(typeName = "ServicePhoto", field = "url")
    public String url(ServiceRequestView.Photo photo) {
        return "/api/photos/" + photo.id();
    }

    private Map<String, PersonView> peopleById(String tenantId, List<String> ids) {
        return people.findPeople(tenantId, ids).stream().collect(Collectors.toMap(PersonView::userId, p -> p));
    }
}
