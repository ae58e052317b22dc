package cn.gov.jgsw.graphql.vehicles;

/** Input of {@code startTrip}. */
public record StartTripInput(String idempotencyKey, String orderId, long odometerKm) {
}
