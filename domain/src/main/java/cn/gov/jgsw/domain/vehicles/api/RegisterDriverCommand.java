package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a person of the bureau as a driver of its fleet (驾驶员登记), with the licence seen.
 *
 * @param driverId     the person's internal user id, which names the driver everywhere
 * @param tenantId     the bureau, from the caller's token
 * @param licence      the licence's class and validity
 * @param registeredAt when (edge clock); an expired licence is refused
 */
public record RegisterDriverCommand(String driverId, String tenantId, DrivingLicence licence, Instant registeredAt) {

    /** The driver aggregate's identifier (see {@link DriverIds}). */
    @TargetAggregateIdentifier
    public String driverAggregateId() {
        return DriverIds.aggregateIdOf(driverId);
    }
}
