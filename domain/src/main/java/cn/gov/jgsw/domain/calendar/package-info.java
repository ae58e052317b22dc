/**
 * Work calendar (工作日历): per bureau and year, which days are worked. China moves working days around public holidays
 * (调休: a weekend day becomes a working day), so "Monday to Friday" is wrong several times a year. SLA clocks, and
 * later off-hours and holiday-sealing rules, count days with it.
 */
package cn.gov.jgsw.domain.calendar;
