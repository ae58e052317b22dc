package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Put a vehicle on the bureau's fleet ledger (车辆登记).
 *
 * @param vehicleId internal id of the vehicle
 * @param tenantId the bureau, from the caller's token
 * @param plateNumber the licence plate, e.g. 贵A·12345
 * @param carClass the class
 * @param seats passenger seats, driver excluded
 * @param energyType what it runs on
 * @param purchasePriceFen what it cost, in fen (分)
 * @param purchaseDate when it was bought
 * @param owningUnitId the unit of the bureau whose asset it is (资产归属单位), or null for the bureau itself
 * @param parkingSpot where it is parked when not in use
 * @param registeredAt when it was put on the ledger (edge clock); the purchase date may not lie after it
 */
public record RegisterVehicleCommand(@TargetAggregateIdentifier String vehicleId,
                                     String tenantId,
                                     String plateNumber,
                                     CarClass carClass,
                                     int seats,
                                     EnergyType energyType,
                                     long purchasePriceFen,
                                     LocalDate purchaseDate,
                                     String owningUnitId,
                                     ParkingSpot parkingSpot,
                                     Instant registeredAt) {
}
