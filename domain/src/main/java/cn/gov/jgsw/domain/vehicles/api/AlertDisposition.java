package cn.gov.jgsw.domain.vehicles.api;

/** How a bureau admin disposed of an alert's case (处置结论). */
public enum AlertDisposition {
    /** 确认违规. */
    CONFIRMED_MISUSE,
    /** 情况属实但合理, e.g. an emergency use recorded afterwards. */
    JUSTIFIED,
    /** 误报, e.g. a terminal fault. */
    FALSE_ALARM
}
