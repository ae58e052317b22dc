package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import java.time.Instant;

/** Input of {@code orderVehicle}. */
public record OrderVehicleInput(String idempotencyKey, String purpose, String origin, String destination, Instant plannedStart, Instant plannedEnd, int passengerCount, CarClass carClass) {
}
