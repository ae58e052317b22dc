package cn.gov.jgsw.tenants.api;

import java.util.Optional;

/** Finds people of a bureau. Scoped to one tenant like every look-up. */
public interface PersonDirectory {

    Optional<PersonView> findPerson(String tenantId, String userId);
}
