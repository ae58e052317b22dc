package cn.gov.jgsw.graphql.property;

import cn.gov.jgsw.projections.property.api.ServiceRequestView;

/** The answer of every property-service mutation: the request as the mutation left it. */
public record ServiceRequestPayload(ServiceRequestView request) {
}
