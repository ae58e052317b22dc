package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.SupplierKind;

import java.util.Collection;

/**
 * A bureau's designated suppliers, withdrawn ones too, by name.
 *
 * @param tenantId    the bureau
 * @param kind        only this kind, or null for all
 * @param supplierIds only these, or null for all
 */
public record FindSuppliersQuery(String tenantId, SupplierKind kind, Collection<String> supplierIds) {
}
