/**
 * Queries and views of the official vehicles' read models: fleet, orders and trips, suppliers, positions and tracks,
 * alert cases.
 */
package cn.gov.jgsw.projections.vehicles.api;
