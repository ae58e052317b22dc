/** The bureaus' work calendars as read by SLA clocks and the app. */
package cn.gov.jgsw.projections.calendar;
