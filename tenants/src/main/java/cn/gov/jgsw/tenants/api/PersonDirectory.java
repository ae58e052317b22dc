package cn.gov.jgsw.tenants.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Finds people of a bureau. Scoped to one tenant like every look-up. */
public interface PersonDirectory {

    Optional<PersonView> findPerson(String tenantId, String userId);

    /** The people of the bureau among the given ids, in one look-up (for lists, no N+1). Unknown ids are left out. */
    List<PersonView> findPeople(String tenantId, Collection<String> userIds);

    /** The ids of the enabled people of the bureau who hold the role (approvers of a policy step, say). */
    List<String> idsWithRole(String tenantId, Role role);
}
