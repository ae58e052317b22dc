package cn.gov.jgsw.tenants.registry;

import java.time.LocalDate;

/**
 * A GB/T 2260 administrative division code (行政区划代码) valid for a period. Codes are retired when divisions
 * change and are never reused, so a bureau keeps all its codes with their periods.
 *
 * @param code       six digits, e.g. {@code 520102}
 * @param validFrom  first day in force
 * @param validUntil last day in force, null while current
 */
public record DivisionCode(String code, LocalDate validFrom, LocalDate validUntil) {

    public DivisionCode {
        if (code == null || !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("a GB/T 2260 code has six digits: " + code);
        }
    }

    boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
