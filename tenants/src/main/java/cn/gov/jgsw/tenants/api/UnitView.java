package cn.gov.jgsw.tenants.api;

/**
 * A unit (department, 处室/科室) of a bureau.
 *
 * @param id       internal id
 * @param tenantId the bureau it belongs to
 * @param name     the unit's name
 */
public record UnitView(String id, String tenantId, String name) {
}
