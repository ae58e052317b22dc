/** Queries and views of approvals. */
package cn.gov.jgsw.projections.approvals.api;
