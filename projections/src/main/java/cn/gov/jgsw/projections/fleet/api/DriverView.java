package cn.gov.jgsw.projections.fleet.api;

/**
 * A driver of a bureau's fleet; the id is the person's user id (names come from the person's record).
 *
 * @param id       the driver's user id
 * @param tenantId the bureau
 */
public record DriverView(String id, String tenantId) {
}
