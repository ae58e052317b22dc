package cn.gov.jgsw.projections.vehicles.api;

/** The lists of orders the app shows, each with its own order of entries. */
public enum VehicleOrderList {
    /** 我的用车: the orders a person placed, newest first. */
    PLACED_BY,
    /** 待派车: approved orders awaiting dispatch, earliest planned start first. */
    APPROVED,
    /** 我的任务: a driver's dispatched or running trips, earliest planned start first. */
    ASSIGNED_TO,
    /** 单位用车: every order of the bureau, newest first (what a supervisor reads). */
    OF_BUREAU;

    /** Lists ordered by when the order was placed, newest first; the others by planned start, earliest first. */
    public boolean newestFirst() {
        return this == PLACED_BY || this == OF_BUREAU;
    }
}
