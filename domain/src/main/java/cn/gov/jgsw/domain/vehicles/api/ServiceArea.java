package cn.gov.jgsw.domain.vehicles.api;

import java.util.List;

/**
 * The area a bureau's cars serve (公务用车服务区域), a polygon of WGS-84 points in order, not closed (the last point
 * joins the first). Distances use a local flat projection, exact enough for a county or a city.
 *
 * @param boundary 3 to 200 points
 */
public record ServiceArea(List<GeoPoint> boundary) {

    public static final int MOST_POINTS = 200;
    private static final double METRES_PER_DEGREE = 111_195;

    public ServiceArea {
        boundary = List.copyOf(boundary);
    }

    /** Whether the polygon can serve: enough possible points, none repeated next to each other, some area. */
    public boolean valid() {
        if (boundary.size() < 3 || boundary.size() > MOST_POINTS
                || boundary.stream().anyMatch(point -> point == null || !point.possible())) {
            return false;
        }
        double twiceArea = 0;
        for (int i = 0; i < boundary.size(); i++) {
            double[] a = local(boundary.get(i));
            double[] b = local(boundary.get((i + 1) % boundary.size()));
            twiceArea += a[0] * b[1] - b[0] * a[1];
        }
        return Math.abs(twiceArea) / 2 > 1_000;
    }

    public boolean contains(GeoPoint point) {
        boolean inside = false;
        for (int i = 0, j = boundary.size() - 1; i < boundary.size(); j = i++) {
            GeoPoint a = boundary.get(i);
            GeoPoint b = boundary.get(j);
            boolean crosses = (a.latitude() > point.latitude()) != (b.latitude() > point.latitude())
                    && point.longitude() < (b.longitude() - a.longitude()) * (point.latitude() - a.latitude())
                    / (b.latitude() - a.latitude()) + a.longitude();
            if (crosses) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** How far the point is from the boundary, in metres. */
    public double metresToBoundary(GeoPoint point) {
        double[] p = local(point);
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < boundary.size(); i++) {
            double[] a = local(boundary.get(i));
            double[] b = local(boundary.get((i + 1) % boundary.size()));
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double along = dx == 0 && dy == 0 ? 0
                    : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
            nearest = Math.min(nearest, Math.hypot(p[0] - (a[0] + along * dx), p[1] - (a[1] + along * dy)));
        }
        return nearest;
    }

    /** Metres east and north of the first point. */
    private double[] local(GeoPoint point) {
        GeoPoint origin = boundary.get(0);
        return new double[]{(point.longitude() - origin.longitude()) * METRES_PER_DEGREE
                * Math.cos(Math.toRadians(origin.latitude())), (point.latitude() - origin.latitude()) * METRES_PER_DEGREE};
    }
}
