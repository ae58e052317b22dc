package cn.gov.jgsw.graphql.calendar;

import cn.gov.jgsw.projections.calendar.api.WorkCalendarsView;

public record SetWorkCalendarPayload(WorkCalendarsView.Year calendar) {
}
