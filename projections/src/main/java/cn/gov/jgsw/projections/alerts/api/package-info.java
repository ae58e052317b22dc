/** Queries and views of alert cases. */
package cn.gov.jgsw.projections.alerts.api;
