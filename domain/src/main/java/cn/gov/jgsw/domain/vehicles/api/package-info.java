/**
 * Public contract of the vehicles context: commands, events, value records and error codes.
 */
package cn.gov.jgsw.domain.vehicles.api;
