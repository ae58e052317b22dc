package cn.gov.jgsw.projections.vehicles.api;

import java.util.List;

/**
 * A page of orders.
 *
 * @param orders  the entries, in the list's order
 * @param hasMore whether entries follow
 */
public record VehicleOrderPage(List<VehicleOrderView> orders, boolean hasMore) {
}
