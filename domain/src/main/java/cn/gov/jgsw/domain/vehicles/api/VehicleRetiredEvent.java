package cn.gov.jgsw.domain.vehicles.api;

/** A vehicle was taken off the fleet for good (已报废/处置), with the reason. */
public record VehicleRetiredEvent(String vehicleId, String tenantId, String reason) {
}
