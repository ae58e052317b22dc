package cn.gov.jgsw.graphql.calendar;

import cn.gov.jgsw.projections.workcalendar.api.WorkCalendarsView;

public record SetWorkCalendarPayload(WorkCalendarsView.Year calendar) {
}
