package cn.gov.jgsw.tenants.registry;

import cn.gov.jgsw.tenants.api.TenantLevel;
import cn.gov.jgsw.tenants.api.TenantView;

import java.time.LocalDate;
import java.util.List;

/**
 * A bureau as registered: internal id, name, level, parent and its division codes over time.
 */
public record Bureau(String id, String name, TenantLevel level, String parentId, List<DivisionCode> divisionCodes) {

    /** The code in force on the given day, or null if none was. */
    public String divisionCodeOn(LocalDate day) {
        return divisionCodes.stream().filter(c -> c.inForceOn(day)).map(DivisionCode::code).findFirst().orElse(null);
    }

    TenantView view(LocalDate today) {
        return new TenantView(id, name, level, parentId, divisionCodeOn(today));
    }
}
