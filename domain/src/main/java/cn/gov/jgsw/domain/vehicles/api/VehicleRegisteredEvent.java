package cn.gov.jgsw.domain.vehicles.api;

import java.time.LocalDate;

/**
 * A vehicle was put on the bureau's fleet ledger.
 *
 * @param vehicleId internal id
 * @param tenantId the bureau, from the caller's token
 * @param plateNumber licence plate
 * @param carClass class
 * @param seats passenger seats
 * @param energyType what it runs on; null for vehicles registered before the ledger had it
 * @param purchasePriceFen what it cost, in fen; 0 if not recorded
 * @param purchaseDate when it was bought, or null
 * @param owningUnitId the owning unit, or null for the bureau
 * @param parkingSpot the designated parking spot, or null if none was recorded
 */
public record VehicleRegisteredEvent(String vehicleId,
                                     String tenantId,
                                     String plateNumber,
                                     CarClass carClass,
                                     int seats,
                                     EnergyType energyType,
                                     long purchasePriceFen,
                                     LocalDate purchaseDate,
                                     String owningUnitId,
                                     ParkingSpot parkingSpot) {
}
