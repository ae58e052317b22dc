package cn.gov.jgsw.tenants.api;

import java.util.List;
import java.util.Optional;

/** The integration clients of a bureau. Every look-up names the caller's bureau; another bureau's client is absent. */
public interface IntegrationClientDirectory {

    Optional<IntegrationClientView> findClient(String tenantId, String clientId);

    /** Clients of the bureau ordered by id, after {@code afterId} (exclusive; null for the first page). */
    List<IntegrationClientView> clients(String tenantId, String afterId, int limit);
}
