package cn.gov.jgsw.domain.property.api;

/** One set of service-level targets per bureau. */
public final class ServiceLevelTargetsIds {

    private ServiceLevelTargetsIds() {
    }

    public static String of(String tenantId) {
        return "service-levels-" + tenantId;
    }
}
