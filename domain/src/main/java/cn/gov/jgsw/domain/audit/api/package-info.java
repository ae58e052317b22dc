/** Commands, events and error codes of the audit context. */
package cn.gov.jgsw.domain.audit.api;
