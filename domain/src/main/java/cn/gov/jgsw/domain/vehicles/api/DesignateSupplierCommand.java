package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau admin designates a supplier of the fleet (定点供应商), by government procurement.
 *
 * @param supplierId the new supplier's id, derived from the request's idempotency key
 * @param tenantId   the bureau, from the caller's token
 * @param kind       what it supplies
 * @param name       its name, up to 100 characters
 * @param station    where a fuel supplier's station is; required for {@link SupplierKind#FUEL}, else optional
 */
public record DesignateSupplierCommand(@TargetAggregateIdentifier String supplierId,
                                       String tenantId,
                                       SupplierKind kind,
                                       String name,
                                       GeoPoint station) {
}
