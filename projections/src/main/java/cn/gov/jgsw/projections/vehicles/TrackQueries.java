package cn.gov.jgsw.projections.vehicles;

import cn.gov.jgsw.domain.vehicles.api.PositionFix;
import cn.gov.jgsw.domain.vehicles.api.TrackDistance;
import cn.gov.jgsw.projections.vehicles.api.FindTrackQuery;
import cn.gov.jgsw.projections.vehicles.api.TrackView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers a vehicle's track over a period, with the distance it covers. */
@Component
public class TrackQueries {

    private final VehicleTracks tracks;

    public TrackQueries(VehicleTracks tracks) {
        this.tracks = tracks;
    }

    @QueryHandler
    TrackView handle(FindTrackQuery query) {
        List<PositionFix> fixes = tracks.track(query.tenantId(), query.vehicleId(), query.from(), query.to());
        return new TrackView(fixes, TrackDistance.metres(fixes));
    }
}
