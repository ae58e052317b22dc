package cn.gov.jgsw.graphql.vehicles;

/** Input of {@code rejectVehicleOrder}. */
public record RejectVehicleOrderInput(String idempotencyKey, String orderId, String reason) {
}
