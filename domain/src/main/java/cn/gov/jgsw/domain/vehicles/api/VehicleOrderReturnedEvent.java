package cn.gov.jgsw.domain.vehicles.api;

/** An order was sent back to its requester for changes (已退回), with what to change; the requester may resubmit it. */
public record VehicleOrderReturnedEvent(String orderId, String tenantId, String approverId, String comment) {
}
