package cn.gov.jgsw.domain.vehicles.api;

/** Where a vehicle order stands in its lifecycle. */
public enum VehicleOrderStatus {
    /** 待审批: placed, waiting for an approver. */
    AWAITING_APPROVAL,
    /** 已批准: approved, waiting for a dispatcher. */
    APPROVED,
    /** 已驳回: rejected by an approver, with a reason. Final. */
    REJECTED,
    /** 已退回: sent back to the requester for changes; the requester places a changed order. Final. */
    RETURNED,
    /** 已取消: withdrawn by the requester before dispatch. Final. */
    CANCELLED,
    /** 已派车: a vehicle and a driver are assigned. */
    DISPATCHED,
    /** 行程中: the driver started the trip. */
    IN_TRIP,
    /** 已完成: the trip ended; mileage, fuel and tolls recorded. Final. */
    COMPLETED
}
