package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.PositionFix;

import java.util.Map;

/** Newest positions by vehicle id; a vehicle that never reported is absent. */
public record LastPositionsView(Map<String, PositionFix> byVehicle) {
}
