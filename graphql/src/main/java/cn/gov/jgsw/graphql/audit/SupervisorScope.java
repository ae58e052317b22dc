package cn.gov.jgsw.graphql.audit;

import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import cn.gov.jgsw.graphql.runtime.Roles;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.api.TenantDirectory;
import org.springframework.stereotype.Component;

/**
 * The bureaus a supervisor (督查) may read: their own and every bureau below it, read-only. Each supervisor read of a
 * bureau's data ({@code bureau…} queries) starts here, then records its purpose ({@link PurposeBoundReads}); the
 * isolation matrix lists these queries as the only ones that may answer a child bureau's data.
 */
@Component
public class SupervisorScope {

    private final TenantDirectory tenants;

    public SupervisorScope(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /**
     * Refuses anyone but a supervisor ({@code FORBIDDEN}), and a bureau outside the supervisor's subtree: the bureau's
     * lineage (itself and every bureau above it) must include the supervisor's own. Upward, sideways or unknown is
     * "not found", the answer for a bureau that does not exist.
     */
    public void requireSupervised(Caller caller, String bureauId) {
        Roles.requireAny(caller, Role.SUPERVISOR);
        boolean supervised = bureauId != null && tenants.lineage(bureauId).stream()
                .anyMatch(bureau -> bureau.id().equals(caller.tenantId()));
        if (!supervised) {
            throw new ObjectNotFoundException("bureau " + bureauId);
        }
    }
}
