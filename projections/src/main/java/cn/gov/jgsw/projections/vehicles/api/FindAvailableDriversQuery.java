package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.TimeWindow;

/**
 * The bureau's drivers free for the whole period.
 *
 * @param tenantId the caller's bureau
 * @param window   the period
 */
public record FindAvailableDriversQuery(String tenantId, TimeWindow window) {
}
