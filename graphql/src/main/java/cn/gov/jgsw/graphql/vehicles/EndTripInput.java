package cn.gov.jgsw.graphql.vehicles;

/** Input of {@code endTrip}. */
public record EndTripInput(String idempotencyKey, String orderId, long odometerKm, double fuelLitres, long tollsFen) {
}
