package cn.gov.jgsw.tenants.api;

import java.util.Set;

/**
 * Who is calling, as proven by the access token (调用者). The tenant comes from here and nowhere else: client input
 * never names the tenant a command acts in.
 *
 * @param userId   internal id of the person (the token subject)
 * @param tenantId the person's bureau
 * @param unitId   the person's unit
 * @param roles    the roles in the token
 * @param client   the client application and version, e.g. {@code mobile-app/1.4.0}
 */
public record Caller(String userId, String tenantId, String unitId, Set<Role> roles, String client) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
