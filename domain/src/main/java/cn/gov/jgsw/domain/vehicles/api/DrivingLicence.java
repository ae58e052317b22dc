package cn.gov.jgsw.domain.vehicles.api;

import java.time.LocalDate;

/**
 * What the fleet ledger keeps of a driver's licence (驾驶证): its class and how long it is valid. The licence number and
 * the person's other details are not needed to decide a dispatch, so they are not recorded at all (PIPL Art. 6,
 * minimum necessary).
 *
 * @param licenceClass the class (准驾车型)
 * @param validUntil   the last day it is valid (有效期至), or null for a licence valid without end (长期)
 */
public record DrivingLicence(DrivingLicenceClass licenceClass, LocalDate validUntil) {

    /** Whether it is still valid on that day (China date). */
    public boolean validOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }
}
