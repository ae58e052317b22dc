package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.TimeWindow;

import java.util.List;
import java.util.Map;

/** Held reservations by vehicle id; a vehicle without any is absent. */
public record VehicleReservations(Map<String, List<TimeWindow>> byVehicle) {

    public List<TimeWindow> of(String vehicleId) {
        return byVehicle.getOrDefault(vehicleId, List.of());
    }
}
