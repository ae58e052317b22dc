package cn.gov.jgsw.projections.vehicles.api;

import cn.gov.jgsw.domain.vehicles.api.CarClass;
import cn.gov.jgsw.domain.vehicles.api.VehicleOrderStatus;

import java.time.Instant;

/**
 * A vehicle order as projected.
 *
 * @param id                 the order
 * @param tenantId           its bureau
 * @param requesterId        who placed it
 * @param unitId             the requester's unit
 * @param purpose            reason for the trip
 * @param origin             start
 * @param destination        destination
 * @param plannedStart       planned start
 * @param plannedEnd         planned end
 * @param passengerCount     passengers
 * @param carClass           wanted class, or null
 * @param status             where it stands
 * @param orderedAt          when it was placed
 * @param decidedBy          the approver who approved or rejected it, or null
 * @param decisionComment    the approver's comment or rejection reason, or null
 * @param cancellationReason the requester's reason for cancelling, or null
 * @param dispatcherId       who dispatched it, or null
 * @param vehicleId          the assigned vehicle, or null
 * @param driverId           the assigned driver, or null
 * @param trip               the trip, or null before it started
 * @param approvalId         the approval of the order's current submission (null for orders placed before approvals)
 * @param version            sequence number of the newest event applied
 */
public record VehicleOrderView(String id, String tenantId, String requesterId, String unitId, String purpose,
                               String origin, String destination, Instant plannedStart, Instant plannedEnd,
                               int passengerCount, CarClass carClass, VehicleOrderStatus status, Instant orderedAt,
                               String decidedBy, String decisionComment, String cancellationReason,
                               String dispatcherId, String vehicleId, String driverId, TripView trip,
                               String approvalId, long version) {

    /** Where this entry stands in a list: the list's sort key and the id, which breaks ties. */
    public String position(VehicleOrderList list) {
        Instant key = list.newestFirst() ? orderedAt : plannedStart;
        return key.toEpochMilli() + ":" + id;
    }
}
