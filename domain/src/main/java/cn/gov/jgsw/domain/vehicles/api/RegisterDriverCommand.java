package cn.gov.jgsw.domain.vehicles.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a person of the bureau as a driver of its fleet (驾驶员登记).
 *
 * @param driverId the person's internal user id, which names the driver everywhere
 * @param tenantId the bureau, from the caller's token
 */
public record RegisterDriverCommand(String driverId, String tenantId) {

    /** The driver aggregate's identifier (see {@link DriverIds}). */
    @TargetAggregateIdentifier
    public String driverAggregateId() {
        return DriverIds.aggregateIdOf(driverId);
    }
}
