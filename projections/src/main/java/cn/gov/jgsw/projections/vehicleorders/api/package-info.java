/**
 * Queries and results of the vehicle-order view.
 */
package cn.gov.jgsw.projections.vehicleorders.api;
