package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a driver's licence as it is now (换证, a new class or validity), replacing what was on record.
 *
 * @param driverId   the driver's user id
 * @param tenantId   the bureau, from the caller's token
 * @param licence    the licence's class and validity
 * @param recordedAt when (edge clock); an expired licence is refused
 */
public record RecordDriverLicenceCommand(String driverId, String tenantId, DrivingLicence licence,
                                        Instant recordedAt) {

    @TargetAggregateIdentifier
    public String driverAggregateId() {
        return DriverIds.aggregateIdOf(driverId);
    }
}
