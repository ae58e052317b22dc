package cn.gov.jgsw.graphql.vehicles;

/** Input of {@code approveVehicleOrder}. */
public record ApproveVehicleOrderInput(String idempotencyKey, String orderId, String comment) {
}
