package cn.gov.jgsw.graphql.vehicles;

/** Input of {@code dispatchVehicleOrder}. */
public record DispatchVehicleOrderInput(String idempotencyKey, String orderId, String vehicleId, String driverId) {
}
