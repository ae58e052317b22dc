package cn.gov.jgsw.tenants.api;

import java.util.List;
import java.util.Optional;

/** Looks up bureaus and their place in the hierarchy. */
public interface TenantDirectory {

    Optional<TenantView> findTenant(String tenantId);

    /** The bureau and every bureau above it, nearest first, ending with the province. Empty if unknown. */
    List<TenantView> lineage(String tenantId);
}
