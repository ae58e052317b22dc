package cn.gov.jgsw.graphql.vehicles;

import cn.gov.jgsw.projections.vehicles.api.VehicleView;

/** A fleet ledger mutation's answer: the vehicle as it left it. */
public record VehiclePayload(VehicleView vehicle) {
}
