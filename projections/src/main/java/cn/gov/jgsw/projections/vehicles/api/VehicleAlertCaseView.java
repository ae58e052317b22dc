package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.AlertDisposition;
import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.VehicleRule;

import java.time.Instant;
import java.util.List;

/**
 * An alert and its case.
 *
 * @param raisedAt    when the first fix of the excursion was taken
 * @param disposition null while the case is open
 * @param position    where it stands in the newest-first list, {@code epochMillis:id} of {@code raisedAt}
 */
public record VehicleAlertCaseView(String id, String tenantId, String vehicleId, VehicleRule rule, int ruleVersion,
                                   List<PositionFix> fixes, double worstAccuracyMetres, String evidence,
                                   Instant raisedAt, AlertDisposition disposition, String dispositionReason,
                                   String disposedBy, String position, long version) {
}
