package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a person of the bureau as a driver of its fleet (驾驶员登记). The driver id is the person's user id.
 *
 * @param driverId the person's internal user id
 * @param tenantId the bureau, from the caller's token
 */
public record RegisterDriverCommand(@TargetAggregateIdentifier String driverId,
                                    String tenantId) {
}
