package cn.gov.jgsw.domain.vehicles.api;

import java.time.LocalDate;

/**
 * A driver's licence as seen by the bureau admin: class and validity, replacing what was on record.
 *
 * @param driverId     the driver's user id
 * @param tenantId     the bureau
 * @param licenceClass the class (准驾车型)
 * @param validUntil   the last valid day, or null for a licence without end (长期)
 */
public record DriverLicenceRecordedEvent(String driverId,
                                         String tenantId,
                                         DrivingLicenceClass licenceClass,
                                         LocalDate validUntil) {
}
