package cn.gov.jgsw.projections.property.api;

/** A bureau's service-level targets at their current version. */
public record ServiceLevelTargetsView(int emergencyWithinHours, int urgentWorkingDays, int normalWorkingDays,
                                      long version) {
}
