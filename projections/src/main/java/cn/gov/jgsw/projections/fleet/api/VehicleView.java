package cn.gov.jgsw.projections.fleet.api;

import cn.gov.jgsw.domain.vehicles.api.CarClass;

/**
 * A vehicle of a bureau's fleet.
 *
 * @param id          internal id
 * @param tenantId    its bureau
 * @param plateNumber licence plate
 * @param carClass    class
 * @param seats       passenger seats
 */
public record VehicleView(String id, String tenantId, String plateNumber, CarClass carClass, int seats) {
}
