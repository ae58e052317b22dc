package cn.gov.jgsw.projections.property.api;

/** The lists of service requests the app shows, newest first. */
public enum ServiceRequestList {
    /** 我的报修: the requests a person made. */
    REQUESTED_BY,
    /** 物业工单: what property staff see, requests not yet accepted and those assigned to the person. */
    WORK_QUEUE
}
