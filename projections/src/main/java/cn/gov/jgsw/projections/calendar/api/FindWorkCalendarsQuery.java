package cn.gov.jgsw.projections.calendar.api;

/**
 * Every year's calendar of one bureau.
 *
 * @param tenantId the caller's bureau
 */
public record FindWorkCalendarsQuery(String tenantId) {
}
