package cn.gov.jgsw.domain.approvals.api;

/** How a step is signed off. */
public enum SignOff {
    /** 会签: every approver of the step must approve. */
    ALL,
    /** 或签: one approval of any approver of the step is enough. */
    ANY
}
