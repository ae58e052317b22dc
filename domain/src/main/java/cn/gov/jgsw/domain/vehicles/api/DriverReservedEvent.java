package cn.gov.jgsw.domain.vehicles.api;

/**
 * A driver was reserved for an order's planned period.
 *
 * @param driverId the driver
 * @param tenantId the bureau, from the caller's token
 * @param orderId the order
 * @param window the planned period
 */
public record DriverReservedEvent(String driverId,
                                  String tenantId,
                                  String orderId,
                                  TimeWindow window) {
}
