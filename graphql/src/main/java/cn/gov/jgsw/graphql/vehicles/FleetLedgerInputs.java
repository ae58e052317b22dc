package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.EnergyType;

import java.time.Instant;
import java.time.LocalDate;

/** The inputs of the fleet ledger's mutations, as the SDL declares them. */
final class FleetLedgerInputs {

    private FleetLedgerInputs() {
    }

    public record ParkingSpotInput(double latitude, double longitude, int radiusMetres) {
    }

    public record RegisterVehicleInput(String idempotencyKey, String plateNumber, CarClass carClass, int seats,
                                       EnergyType energyType, long purchasePriceFen, LocalDate purchaseDate,
                                       String owningUnitId, ParkingSpotInput parkingSpot) {
    }

    public record SealVehicleInput(String idempotencyKey, String vehicleId, Instant start, Instant end,
                                   String reason) {
    }

    public record UnsealVehicleInput(String idempotencyKey, String vehicleId, String sealingId, String reason) {
    }

    public record RetireVehicleInput(String idempotencyKey, String vehicleId, String reason) {
    }
}
