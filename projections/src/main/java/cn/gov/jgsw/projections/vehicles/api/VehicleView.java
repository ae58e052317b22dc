package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;
import cn.gov.jgsw.domain.vehicles.api.ParkingSpot;
import cn.gov.jgsw.domain.vehicles.api.TimeWindow;

import java.time.LocalDate;
import java.util.List;

/**
 * A vehicle of a bureau's fleet.
 *
 * @param id          internal id
 * @param tenantId    its bureau
 * @param plateNumber licence plate
 * @param carClass    class
 * @param seats       passenger seats
 * @param ledger      the ledger's facts; null fields for vehicles registered before the ledger had them
 * @param sealings    the periods it is sealed for, oldest first
 * @param retired     true once taken off the fleet
 * @param version     sequence number of the vehicle's newest event applied
 */
public record VehicleView(String id, String tenantId, String plateNumber, CarClass carClass, int seats,
                          Ledger ledger, List<Sealing> sealings, boolean retired, long version) {

    /** What the fleet ledger (台账) records of a vehicle besides plate, class and seats. */
    public record Ledger(EnergyType energyType, long purchasePriceFen, LocalDate purchaseDate, String owningUnitId,
                         ParkingSpot parkingSpot) {
    }

    /** A period the vehicle is sealed for (封存); {@code period.end()} is when it was lifted, if lifted early. */
    public record Sealing(String id, TimeWindow period, String reason, String liftReason) {
    }

    /** Whether it is sealed at any moment of the window. */
    public boolean sealedDuring(TimeWindow window) {
        return sealings.stream().anyMatch(sealing -> sealing.period().overlaps(window));
    }
}
