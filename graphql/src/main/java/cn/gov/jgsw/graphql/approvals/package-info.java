/** The approvals inbox on the phone: what waits for me, and my decisions. */
package cn.gov.jgsw.graphql.approvals;
