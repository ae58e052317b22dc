/**
 * The read models of official vehicles (公务用车), one context: the fleet (vehicles, drivers and the periods they are
 * reserved), the vehicle orders and their trips, designated suppliers, positions and tracks with the fences' checks
 * (定位与电子围栏), and the alert cases. Each keeps its own collection and event processor.
 */
package cn.gov.jgsw.projections.vehicles;
