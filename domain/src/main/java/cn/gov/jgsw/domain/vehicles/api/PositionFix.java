package cn.gov.jgsw.domain.vehicles.api;

import java.time.Instant;

/**
 * One position a vehicle's GPS/Beidou terminal reported (定位点). Kept as time-series data, not as an event; an alert
 * that a fix raised carries the fixes that raised it.
 *
 * @param at             when the terminal took it
 * @param point          where
 * @param speedKmh       speed over ground, 0 to 250, or null if the terminal did not say
 * @param accuracyMetres the terminal's horizontal accuracy estimate (smaller is better), 0 to 10,000
 */
public record PositionFix(Instant at, GeoPoint point, Double speedKmh, double accuracyMetres) {
}
