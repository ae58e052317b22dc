package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.PositionFix;

import java.util.List;

/**
 * A vehicle's track over a period.
 *
 * @param fixes           oldest first
 * @param distanceMetres  what the track covers ({@code TrackDistance})
 */
public record TrackView(List<PositionFix> fixes, double distanceMetres) {
}
