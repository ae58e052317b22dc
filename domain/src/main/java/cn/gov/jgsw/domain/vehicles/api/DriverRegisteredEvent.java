package cn.gov.jgsw.domain.vehicles.api;

/**
 * A person became a driver of the bureau's fleet. Only the id: personal details stay in the person's record.
 *
 * @param driverId the person's internal user id
 * @param tenantId the bureau, from the caller's token
 */
public record DriverRegisteredEvent(String driverId,
                                    String tenantId) {
}
