package cn.gov.jgsw.domain.vehicles.api;

/** The bureau's cars serve this area from now on. */
public record ServiceAreaSetEvent(String areaId, String tenantId, ServiceArea area) {
}
