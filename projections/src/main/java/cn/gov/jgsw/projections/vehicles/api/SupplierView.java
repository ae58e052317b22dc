package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.GeoPoint;
import cn.gov.jgsw.domain.vehicles.api.SupplierKind;

/**
 * A designated supplier of a bureau's fleet.
 *
 * @param id              the supplier
 * @param tenantId        the bureau
 * @param kind            what it supplies
 * @param name            its name
 * @param station         its station's place, or null
 * @param withdrawnReason why its designation ended, or null while it is designated
 * @param version         the sequence number of its newest event applied here
 */
public record SupplierView(String id, String tenantId, SupplierKind kind, String name, GeoPoint station,
                           String withdrawnReason, long version) {

    public boolean designated() {
        return withdrawnReason == null;
    }
}
