package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.TimeWindow;

/**
 * The bureau's vehicles free for the whole period and with seats for the passengers, by plate number.
 *
 * @param tenantId       the caller's bureau
 * @param window         the period
 * @param passengerCount passengers to seat
 */
public record FindDispatchableVehiclesQuery(String tenantId, TimeWindow window, int passengerCount) {
}
