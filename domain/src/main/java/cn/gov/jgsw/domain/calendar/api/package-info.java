/** Commands, events, error codes and the working-day arithmetic of the work calendar. */
package cn.gov.jgsw.domain.calendar.api;
