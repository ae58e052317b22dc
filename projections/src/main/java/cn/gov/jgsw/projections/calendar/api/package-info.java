/** Queries and views of the work calendars. */
package cn.gov.jgsw.projections.calendar.api;
