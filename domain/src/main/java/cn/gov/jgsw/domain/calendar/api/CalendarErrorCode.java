package cn.gov.jgsw.domain.calendar.api;

import cn.gov.jgsw.domain.shared.api.ErrorCode;

/** Why the work calendar refused a change. Stable: the app branches on these. */
public enum CalendarErrorCode implements ErrorCode {
    /**
     * A date outside the calendar's year, a day both holiday and working day, a make-up working day that is no weekend
     * day, or a basis that is not plain text of up to 200 characters.
     */
    INVALID_WORK_CALENDAR;

    @Override
    public String code() {
        return name();
    }
}
