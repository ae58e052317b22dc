package cn.gov.jgsw.projections.vehicles.api;

import java.util.List;

/** A page of cases and whether more follow. */
public record VehicleAlertCasePage(List<VehicleAlertCaseView> cases, boolean hasMore) {
}
