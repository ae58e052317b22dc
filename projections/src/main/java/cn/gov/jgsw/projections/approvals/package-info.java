/** The approvals inbox, the bureaus' approval policies, and the routes they give a new request. */
package cn.gov.jgsw.projections.approvals;
