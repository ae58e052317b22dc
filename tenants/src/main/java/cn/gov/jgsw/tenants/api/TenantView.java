package cn.gov.jgsw.tenants.api;

/**
 * A bureau (机关事务管理局) as the platform knows it today.
 *
 * @param id           internal, immutable id; never shown as a business key
 * @param name         the bureau's official name
 * @param level        province, city or county
 * @param parentId     the supervising bureau, null for a province
 * @param divisionCode the GB/T 2260 division code in force today; codes change when divisions change
 */
public record TenantView(String id, String name, TenantLevel level, String parentId, String divisionCode) {
}
