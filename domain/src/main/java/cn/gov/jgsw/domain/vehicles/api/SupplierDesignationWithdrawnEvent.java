package cn.gov.jgsw.domain.vehicles.api;

/**
 * A supplier's designation ended.
 *
 * @param supplierId the supplier
 * @param tenantId   the bureau
 * @param reason     why
 */
public record SupplierDesignationWithdrawnEvent(String supplierId, String tenantId, String reason) {
}
