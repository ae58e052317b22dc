package cn.gov.jgsw.domain.calendar.api;

/** One calendar per bureau and year, so its id is made of both. */
public final class WorkCalendarIds {

    private WorkCalendarIds() {
    }

    public static String of(String tenantId, int year) {
        return "work-calendar-" + year + "-" + tenantId;
    }
}
