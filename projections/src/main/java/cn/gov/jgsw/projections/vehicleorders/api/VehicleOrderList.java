package cn.gov.jgsw.projections.vehicleorders.api;

/** The lists of orders the app shows, each with its own order of entries. */
public enum VehicleOrderList {
    /** 我的用车: the orders a person placed, newest first. */
    PLACED_BY,
    /** 待审批: orders awaiting approval, earliest planned start first. */
    AWAITING_APPROVAL,
    /** 待派车: approved orders awaiting dispatch, earliest planned start first. */
    APPROVED,
    /** 我的任务: a driver's dispatched or running trips, earliest planned start first. */
    ASSIGNED_TO
}
