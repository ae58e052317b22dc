package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.projections.vehicles.api.VehicleOrderView;

/** The answer of every vehicle-order mutation: the order as the mutation left it. */
public record VehicleOrderPayload(VehicleOrderView order) {
}
