package cn.gov.jgsw.domain.vehicles.api;

import java.util.List;

/**
 * An alert was raised and its case opened (已立案). It explains itself: the rule and its version, the fixes with their
 * accuracy, and the rule's reading of them.
 *
 * @param worstAccuracyMetres the poorest accuracy among the fixes, for whoever weighs the evidence
 */
public record VehicleAlertRaisedEvent(String caseId, String tenantId, String vehicleId, VehicleRule rule,
                                      int ruleVersion, List<PositionFix> fixes, double worstAccuracyMetres,
                                      String evidence) {
}
