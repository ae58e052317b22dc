package cn.gov.jgsw.projections.property.api;

import java.util.List;

public record ServiceRequestPage(List<ServiceRequestView> requests, boolean hasMore) {
}
