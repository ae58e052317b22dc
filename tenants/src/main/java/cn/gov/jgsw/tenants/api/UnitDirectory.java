package cn.gov.jgsw.tenants.api;

import java.util.List;
import java.util.Optional;

/** The units of a bureau. Every look-up is scoped to one tenant: another tenant's unit is simply not found. */
public interface UnitDirectory {

    Optional<UnitView> findUnit(String tenantId, String unitId);

    /**
     * Units of the tenant ordered by id, starting after {@code afterUnitId} (null for the first page).
     *
     * @param limit at most this many
     */
    List<UnitView> units(String tenantId, String afterUnitId, int limit);
}
