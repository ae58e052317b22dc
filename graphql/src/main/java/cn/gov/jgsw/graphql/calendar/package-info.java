/** The bureau's work calendar on the phone: read by everybody, set by bureau admins. */
package cn.gov.jgsw.graphql.calendar;
