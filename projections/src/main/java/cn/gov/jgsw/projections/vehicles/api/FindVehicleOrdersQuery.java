package cn.gov.jgsw.projections.vehicles.api;

/**
 * A page of one of the order lists of a bureau.
 *
 * @param tenantId      the caller's bureau
 * @param list          which list
 * @param personId      the requester ({@link VehicleOrderList#PLACED_BY}) or driver ({@link VehicleOrderList#ASSIGNED_TO});
 *                      ignored for the other lists
 * @param afterPosition the {@link VehicleOrderView#position(VehicleOrderList)} of the last entry already shown, or null
 * @param limit         at most this many
 */
public record FindVehicleOrdersQuery(String tenantId, VehicleOrderList list, String personId, String afterPosition,
                                     int limit) {
}
