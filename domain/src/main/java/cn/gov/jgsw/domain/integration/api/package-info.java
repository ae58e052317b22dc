/** Commands, events and error codes of the integration-client context. */
package cn.gov.jgsw.domain.integration.api;
