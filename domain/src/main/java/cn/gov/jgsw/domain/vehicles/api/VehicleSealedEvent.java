package cn.gov.jgsw.domain.vehicles.api;

/** A vehicle was sealed for a period (封存). */
public record VehicleSealedEvent(String vehicleId, String tenantId, String sealId, TimeWindow period, String reason) {
}
