package cn.gov.jgsw.tenants.demo;

import cn.gov.jgsw.tenants.api.TenantLevel;
import cn.gov.jgsw.tenants.registry.Bureau;
import cn.gov.jgsw.tenants.registry.DivisionCode;

import java.time.LocalDate;
import java.util.List;

/** The demo hierarchy (DOMAIN.md, Demo data): Guizhou → Guiyang → Nanming, Yunyan; Guizhou → Zunyi → Tongzi. */
public final class DemoBureaus {

    public static final String GUIZHOU = "bureau-guizhou";
    public static final String GUIYANG = "bureau-guiyang";
    public static final String NANMING = "bureau-nanming";
    public static final String YUNYAN = "bureau-yunyan";
    public static final String ZUNYI = "bureau-zunyi";
    public static final String TONGZI = "bureau-tongzi";

    /** The day the demo's division codes are recorded from. */
    private static final LocalDate RECORDED_FROM = LocalDate.of(1980, 1, 1);

    private DemoBureaus() {
    }

    /** Parents before children, so a hierarchy is complete at every step of seeding. */
    public static List<Bureau> all() {
        return List.of(
                bureau(GUIZHOU, "贵州省机关事务管理局", TenantLevel.PROVINCE, null, "520000"),
                bureau(GUIYANG, "贵阳市机关事务管理局", TenantLevel.CITY, GUIZHOU, "520100"),
                bureau(NANMING, "南明区机关事务服务中心", TenantLevel.COUNTY, GUIYANG, "520102"),
                bureau(YUNYAN, "云岩区机关事务服务中心", TenantLevel.COUNTY, GUIYANG, "520103"),
                bureau(ZUNYI, "遵义市机关事务管理局", TenantLevel.CITY, GUIZHOU, "520300"),
                bureau(TONGZI, "桐梓县机关事务服务中心", TenantLevel.COUNTY, ZUNYI, "520322"));
    }

    /** The short name used in demo logins, e.g. {@code nanming} for {@link #NANMING}. */
    public static String loginPrefix(String tenantId) {
        return tenantId.substring("bureau-".length());
    }

    private static Bureau bureau(String id, String name, TenantLevel level, String parentId, String code) {
        return new Bureau(id, name, level, parentId, List.of(new DivisionCode(code, RECORDED_FROM, null)));
    }
}
