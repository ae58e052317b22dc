package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.CarClass;

import java.time.Instant;

/** Input of {@code resubmitVehicleOrder}. */
public record ResubmitVehicleOrderInput(String idempotencyKey, String orderId, String purpose, String origin,
                                        String destination, Instant plannedStart, Instant plannedEnd,
                                        int passengerCount, CarClass carClass) {
}
