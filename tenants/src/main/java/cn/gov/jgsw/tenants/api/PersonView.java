package cn.gov.jgsw.tenants.api;

import java.util.Set;

/**
 * A person's account as the person themself may see it. Holds personal details, so it lives in the tenant's erasable
 * records, never in events.
 *
 * @param userId      internal id, the one events carry
 * @param tenantId    the person's bureau
 * @param username    the login name
 * @param displayName the name shown in the app
 * @param unitId      the person's unit
 * @param roles       the person's roles
 */
public record PersonView(String userId, String tenantId, String username, String displayName, String unitId,
                         Set<Role> roles) {
}
