package cn.gov.jgsw.domain.property.api;

/** A bureau set its service-level targets (服务时限已设定). The aggregate's sequence number is their version. */
public record ServiceLevelTargetsSetEvent(String targetsId, String tenantId, int emergencyWithinHours,
                                          int urgentWorkingDays, int normalWorkingDays) {
}
