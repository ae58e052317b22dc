package cn.gov.jgsw.domain.vehicles.api;

/**
 * A vehicle was put on the bureau's fleet ledger.
 *
 * @param vehicleId internal id
 * @param tenantId the bureau, from the caller's token
 * @param plateNumber licence plate
 * @param carClass class
 * @param seats passenger seats
 */
public record VehicleRegisteredEvent(String vehicleId,
                                     String tenantId,
                                     String plateNumber,
                                     CarClass carClass,
                                     int seats) {
}
