/**
 * Queries and results of the fleet view.
 */
package cn.gov.jgsw.projections.fleet.api;
