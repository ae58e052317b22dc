package cn.gov.jgsw.domain.vehicles;

import cn.gov.jgsw.domain.vehicles.api.TimeWindow;

import java.util.HashMap;
import java.util.Map;

/**
 * The periods a vehicle or a driver is promised to orders. A vehicle or driver serves one order at a time: a new
 * reservation must not overlap any other order's.
 */
final class Reservations {

    private final Map<String, TimeWindow> byOrder = new HashMap<>();

    /** True if a period of another order overlaps the given one; the same order may be reserved again. */
    boolean conflictWith(String orderId, TimeWindow window) {
        return byOrder.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(orderId) && e.getValue().overlaps(window));
    }

    boolean isEmpty() {
        return byOrder.isEmpty();
    }

    boolean holds(String orderId) {
        return byOrder.containsKey(orderId);
    }

    void reserve(String orderId, TimeWindow window) {
        byOrder.put(orderId, window);
    }

    void release(String orderId) {
        byOrder.remove(orderId);
    }
}
