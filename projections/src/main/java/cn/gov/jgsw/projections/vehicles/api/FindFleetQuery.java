package cn.gov.jgsw.projections.vehicles.api;

/** Every vehicle of a bureau's ledger, retired ones too, by plate. */
public record FindFleetQuery(String tenantId) {
}
