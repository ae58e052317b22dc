package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.DrivingLicenceClass;

import java.time.LocalDate;

/**
 * A driver of a bureau's fleet; the id is the person's user id (names come from the person's record).
 *
 * @param id                the driver's user id
 * @param tenantId          the bureau
 * @param licenceClass      the licence's class on record, or null if none is (then never dispatched)
 * @param licenceValidUntil its last valid day, or null if valid without end (or none on record)
 * @param version           the sequence number of the newest event of the driver applied here
 */
public record DriverView(String id, String tenantId, DrivingLicenceClass licenceClass, LocalDate licenceValidUntil,
                         long version) {
}
