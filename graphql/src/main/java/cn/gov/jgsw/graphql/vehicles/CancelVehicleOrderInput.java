package cn.gov.jgsw.graphql.vehicles;

/** Input of {@code cancelVehicleOrder}. */
public record CancelVehicleOrderInput(String idempotencyKey, String orderId, String reason) {
}
