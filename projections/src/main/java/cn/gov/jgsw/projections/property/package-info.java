/** Property service requests as the phone lists them, and the SLA clock that records missed due times. */
package cn.gov.jgsw.projections.property;
