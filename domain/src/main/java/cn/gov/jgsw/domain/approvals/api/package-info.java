/** Commands, events, values and error codes of approvals. */
package cn.gov.jgsw.domain.approvals.api;
