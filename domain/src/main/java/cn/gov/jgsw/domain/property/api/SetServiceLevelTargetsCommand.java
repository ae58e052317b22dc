package cn.gov.jgsw.domain.property.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A bureau sets its own service-level targets, replacing the platform's; every change is a version, and each request
 * names the targets it was given.
 *
 * @param targetsId             {@link ServiceLevelTargetsIds#of}
 * @param emergencyWithinHours  1 to 24 hours, on the clock
 * @param urgentWorkingDays     1 to 5 working days
 * @param normalWorkingDays     from the urgent days to 10 working days
 */
public record SetServiceLevelTargetsCommand(@TargetAggregateIdentifier String targetsId, String tenantId,
                                            int emergencyWithinHours, int urgentWorkingDays,
                                            int normalWorkingDays) {
}
