package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.ServiceArea;

/**
 * @param area    null while the bureau has set none (then no area fence applies)
 * @param version null while none is set
 */
public record ServiceAreaView(ServiceArea area, Long version) {
}
