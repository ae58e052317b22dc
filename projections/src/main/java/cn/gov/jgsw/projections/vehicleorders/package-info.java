/**
 * The vehicle-order view (用车申请): each order as the app lists and shows it, with its status, decisions, assignment
 * and trip.
 */
package cn.gov.jgsw.projections.vehicleorders;
