package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.Role;

import java.util.Set;

/**
 * A person's account: login, password hash, bureau, unit and roles. Personal details such as the display name live
 * here, in erasable records, and never in events.
 */
public record PlatformUser(String id, String tenantId, String username, String passwordHash, String displayName,
                           String unitId, Set<Role> roles, boolean enabled) {

    PersonView view() {
        return new PersonView(id, tenantId, username, displayName, unitId, roles);
    }
}
