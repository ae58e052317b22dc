/** Commands, events, error codes and service levels of property services. */
package cn.gov.jgsw.domain.property.api;
