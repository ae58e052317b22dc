/** Alerts of the fences and their cases (告警案件), as bureau admins and supervisors read them. */
package cn.gov.jgsw.projections.alerts;
