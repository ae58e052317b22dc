package cn.gov.jgsw.domain.vehicles.api;

/**
 * A supplier was designated for the bureau's fleet.
 *
 * @param supplierId the supplier
 * @param tenantId   the bureau
 * @param kind       what it supplies
 * @param name       its name
 * @param station    its station's place, or null
 */
public record SupplierDesignatedEvent(String supplierId,
                                      String tenantId,
                                      SupplierKind kind,
                                      String name,
                                      GeoPoint station) {
}
