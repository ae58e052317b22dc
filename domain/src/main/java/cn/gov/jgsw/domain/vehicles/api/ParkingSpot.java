package cn.gov.jgsw.domain.vehicles.api;

/**
 * A vehicle's designated parking spot (定点停放): a point and the radius within which the car counts as parked.
 *
 * @param radiusMetres 10 to 500
 */
public record ParkingSpot(GeoPoint centre, int radiusMetres) {

    public static final int SMALLEST_RADIUS = 10;
    public static final int LARGEST_RADIUS = 500;

    public boolean valid() {
        return centre != null && centre.possible() && radiusMetres >= SMALLEST_RADIUS && radiusMetres <= LARGEST_RADIUS;
    }
}
